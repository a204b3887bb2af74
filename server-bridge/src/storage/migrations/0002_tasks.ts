import {type Kysely, sql} from 'kysely';

// Tasks, the baton (holder), deadlines, watchers, comments and the
// append-only timeline. PostgreSQL 15 SQL, shared with the embedded engine.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Statuses are rows, not an enum: channels will rename and add their own;
  // `category` says whether a status counts as open or closed.
  await sql`
    create table task_statuses (
      id text primary key,
      channel_id text,
      name text not null,
      category text not null check (category in ('open', 'closed')),
      position integer not null
    )`.execute(db);
  await sql`
    insert into task_statuses (id, channel_id, name, category, position) values
      ('open', null, 'Open', 'open', 10),
      ('in_progress', null, 'In progress', 'open', 20),
      ('waiting', null, 'Waiting', 'open', 30),
      ('done', null, 'Done', 'closed', 40),
      ('cancelled', null, 'Cancelled', 'closed', 50)`.execute(db);

  // One key sequence per scope (a channel, or a user for personal tasks).
  // Prefixes are unique so `<PREFIX>-<n>` names one task everywhere.
  await sql`
    create table task_key_sequences (
      scope text primary key,
      prefix text not null unique check (prefix ~ '^[A-Z][A-Z0-9]{0,9}$'),
      next_number integer not null default 1
    )`.execute(db);

  await sql`
    create table tasks (
      id text primary key,
      key text not null unique,
      channel_id text,
      title text not null check (char_length(title) between 1 and 200),
      description text not null default '' check (char_length(description) <= 20000),
      status_id text not null references task_statuses (id),
      priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
      holder_id text,
      creator_id text not null,
      start_date date,
      parent_id text references tasks (id),
      labels text[] not null default '{}',
      case_id text,
      case_url text,
      source_post_id text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      closed_at timestamptz,
      version integer not null default 1,
      -- NFKC-lowercased search terms (character bigrams for CJK, word
      -- prefixes otherwise; see taskSearch.ts) maintained by the application: matching then needs no
      -- locale support from the database and works the same on both engines.
      search_terms text[] not null default '{}'
    )`.execute(db);
  await sql`create index tasks_channel_idx on tasks (channel_id, updated_at desc)`.execute(db);
  await sql`create index tasks_holder_idx on tasks (holder_id, status_id)`.execute(db);
  await sql`create index tasks_creator_idx on tasks (creator_id)`.execute(db);
  await sql`create index tasks_parent_idx on tasks (parent_id)`.execute(db);
  await sql`create index tasks_case_idx on tasks (case_id)`.execute(db);
  await sql`create index tasks_labels_idx on tasks using gin (labels)`.execute(db);
  await sql`create index tasks_search_idx on tasks using gin (search_terms)`.execute(db);

  // Named deadlines: legal, customer, internal and custom names. `due_at` is
  // the instant used for sorting and overdue checks (for an all-day deadline,
  // the end of that day in `time_zone`).
  await sql`
    create table task_deadlines (
      task_id text not null references tasks (id) on delete cascade,
      kind text not null check (kind ~ '^[a-z][a-z0-9_]{0,31}$'),
      due_at timestamptz not null,
      all_day boolean not null,
      time_zone text not null,
      primary key (task_id, kind)
    )`.execute(db);
  await sql`create index task_deadlines_due_idx on task_deadlines (kind, due_at)`.execute(db);

  await sql`
    create table task_watchers (
      task_id text not null references tasks (id) on delete cascade,
      user_id text not null,
      primary key (task_id, user_id)
    )`.execute(db);
  await sql`create index task_watchers_user_idx on task_watchers (user_id)`.execute(db);

  await sql`
    create table task_comments (
      id text primary key,
      task_id text not null references tasks (id) on delete cascade,
      author_id text not null,
      body text not null check (char_length(body) between 1 and 20000),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      deleted_at timestamptz,
      search_terms text[] not null default '{}'
    )`.execute(db);
  await sql`create index task_comments_task_idx on task_comments (task_id, created_at)`.execute(db);
  await sql`create index task_comments_search_idx on task_comments using gin (search_terms)`.execute(db);

  // The timeline: append-only, one row per change of one field.
  await sql`
    create table task_events (
      id bigint generated always as identity primary key,
      task_id text not null references tasks (id) on delete cascade,
      actor_id text not null,
      at timestamptz not null,
      kind text not null,
      field text,
      from_value jsonb,
      to_value jsonb
    )`.execute(db);
  await sql`create index task_events_task_idx on task_events (task_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['task_events', 'task_comments', 'task_watchers', 'task_deadlines', 'tasks', 'task_key_sequences', 'task_statuses']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
