import {type Kysely, sql} from 'kysely';

// Channel admins may change a channel's key prefix (PATENT → PAT). Every
// prefix a scope has ever used is kept here, so an old key in a DM, a link or
// someone's notes (PATENT-12) still finds the task (now PAT-12), and no other
// channel can take that prefix and make the old key ambiguous.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table task_key_prefixes (
      prefix text primary key check (prefix ~ '^[A-Z][A-Z0-9]{0,9}$'),
      scope text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index task_key_prefixes_scope_idx on task_key_prefixes (scope)`.execute(db);
  await sql`insert into task_key_prefixes (prefix, scope) select prefix, scope from task_key_sequences`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table task_key_prefixes`.execute(db);
}
