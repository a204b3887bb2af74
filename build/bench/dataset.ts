import {type Kysely, type RawBuilder, sql} from 'kysely';
import {parseSearchQuery} from '../../server-bridge/src/domain/search/searchTerms';
import {keyScope} from '../../server-bridge/src/domain/tasks/keyPrefix';
import type {DatabaseSchema} from '../../server-bridge/src/storage/schema';
import {taskMatchesSearch} from '../../server-bridge/src/storage/taskSearch';
import {reserveKeyBlocks} from '../fixtures/keyBlocks';
import {cjkPairTerm, rareTerm, type SearchProbe, type TextPool} from './textPool';
import type {BenchWorld} from './world';

// Loads N tasks (with comments, watchers, deadlines and timeline rows) into a
// migrated Baton database with set-based SQL: every row is
// `insert … select … from generate_series`, every per-task choice a hash of
// the task's ordinal g (so both engines get the same data and no random()
// state is involved). Texts come from the text pool (textPool.ts) with the
// search columns the app computes; keys come from the real key sequences
// (fixtures/keyBlocks.ts), so tasks created afterwards continue after them.
//
// The product's secondary indexes (GIN search indexes included) are dropped
// before loading and re-created from their own definitions afterwards:
// building an index once is many times faster than maintaining it per row,
// and the result is the same index. Helper tables are named bench_* and
// dropped at the end.

export interface DatasetOptions {
  tasks: number;
  world: BenchWorld;
  pool: TextPool;
  /** Tasks are created over the two years before this. */
  now: Date;
  /** Share of personal tasks (no channel); the rest go to channels, a few channels holding most. */
  personalShare?: number;
  /** Tasks per INSERT statement (progress is logged per chunk). */
  chunk?: number;
  /** Statements run at once: 2 for PostgreSQL on two cores; PGlite has one connection anyway. */
  parallel?: number;
  log(line: string): void;
}

export interface PlantedTerm {
  query: string;
  planted: number;
  /** Tasks the product's search condition matches, counted after loading (all viewers). */
  matchingTasks: number;
}

export interface DatasetSummary {
  tasks: number;
  comments: number;
  seconds: number;
  terms: {rare: PlantedTerm; cjkPair: PlantedTerm};
}

const loadedTables = ['tasks', 'task_comments', 'task_watchers', 'task_deadlines', 'task_events'];
const labels = ['client', 'oa', 'translation', 'jp', 'support', 'invoice', 'us', 'ep', 'infra', 'design', 'renewal', 'pct'];
const historyDays = 730;

/** A number in [0, 1) from the task ordinal and a salt: the same on every run and engine. */
function unit(g: RawBuilder<unknown>, salt: number | RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`((hashint8(${g}::bigint * 64 + ${typeof salt === 'number' ? sql.lit(salt) : salt}) & 2147483647)::float8 / 2147483648.0)`;
}

/** A v4-shaped UUID from a name, as the service's randomUUID ids look. */
function uuidOf(name: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`overlay(overlay(md5(${name}) placing '4' from 13) placing '8' from 17)::uuid::text`;
}

const g = sql`p.g`;
const taskIdOf = (ordinal: RawBuilder<unknown>) => uuidOf(sql`'baton-bench-task-' || ${ordinal}`);

export async function loadDataset(db: Kysely<DatabaseSchema>, options: DatasetOptions): Promise<DatasetSummary> {
  const started = performance.now();
  const {tasks, pool, log} = options;
  const chunk = options.chunk ?? 100_000;
  const parallel = options.parallel ?? 1;
  const personalShare = options.personalShare ?? 0.05;
  const now = options.now.toISOString();

  await createHelperTables(db, options);
  await planScopes(db, options, personalShare);
  const indexes = await dropSecondaryIndexes(db);
  log(`dataset: dropped ${indexes.length} secondary indexes; loading ${tasks} tasks`);

  const rare = {count: rareTerm.plantedIn(tasks), stride: Math.max(1, Math.floor(tasks / rareTerm.plantedIn(tasks)))};
  const pair = {count: cjkPairTerm.plantedIn(tasks), stride: Math.max(1, Math.floor(tasks / cjkPairTerm.plantedIn(tasks)))};
  const pairOffset = Math.floor(pair.stride / 2);
  const documentOf = sql`case
      when ${g} % ${sql.lit(rare.stride)} = 0 and ${g} / ${sql.lit(rare.stride)} <= ${sql.lit(rare.count)}
        then ${sql.lit(pool.regular)} + (${g} / ${sql.lit(rare.stride)}) % ${sql.lit(pool.rareVariants)}
      when (${g} + ${sql.lit(pairOffset)}) % ${sql.lit(pair.stride)} = 0 and (${g} + ${sql.lit(pairOffset)}) / ${sql.lit(pair.stride)} <= ${sql.lit(pair.count)}
        then ${sql.lit(pool.regular + pool.rareVariants)} + ((${g} + ${sql.lit(pairOffset)}) / ${sql.lit(pair.stride)}) % ${sql.lit(pool.pairVariants)}
      else floor(${sql.lit(pool.regular)} * ${unit(g, 14)})::int end`;
  // As in a team that closes its work: nearly everything older than three
  // months is closed, a third of the last month's is; about 9% of all tasks
  // are open. (Open tasks from two years ago would all be overdue, and the
  // bridge's deadline ladder would remind of each of them every day.)
  const ageDays = sql`(${sql.lit(historyDays)} * (1 - (${g} - 1 + ${unit(g, 12)}) / ${sql.lit(tasks)}::float8))`;
  const labelList = sql.raw(`array[${labels.map((label) => `'${label}'`).join(',')}]`);

  const insertTasks = async ([from, to]: [number, number]) => {
    await sql`
      insert into tasks (id, key, channel_id, title, description, status_id, priority, holder_id, creator_id, labels,
                         created_at, updated_at, closed_at, version, search_terms, search_text)
      select x.id, x.key, x.channel_id, d.title, d.description,
        case when x.closed then case when x.u6 < 0.85 then 'done' else 'cancelled' end
             else case when x.u6 < 0.6 then 'open' when x.u6 < 0.85 then 'in_progress' else 'waiting' end end,
        case when x.u8 < 0.15 then 'low' when x.u8 < 0.75 then 'normal' when x.u8 < 0.95 then 'high' else 'urgent' end,
        x.holder_id, x.creator_id,
        case when x.u9 < 0.3 then array[(${labelList})[1 + floor(x.u10 * ${sql.lit(labels.length)})::int]] else '{}'::text[] end,
        ${sql.val(now)}::timestamptz - make_interval(secs => x.age_days * 86400),
        ${sql.val(now)}::timestamptz - make_interval(secs => (x.age_days - least(x.age_days, 30 * x.u13)) * 86400),
        case when x.closed then ${sql.val(now)}::timestamptz - make_interval(secs => (x.age_days - least(x.age_days, 30 * x.u13)) * 86400) end,
        1 + floor(x.u11 * 4)::int,
        d.terms, d.text
      from (
        select ${taskIdOf(g)} as id,
          s.prefix || '-' || (s.first + p.ordinal - 1) as key,
          s.channel_id,
          case when ${unit(g, 3)} < 0.1 then null else s.members[1 + floor(cardinality(s.members) * ${unit(g, 4)})::int] end as holder_id,
          s.members[1 + floor(cardinality(s.members) * ${unit(g, 5)})::int] as creator_id,
          ${unit(g, 7)} < case when ${ageDays} > 90 then 0.97 when ${ageDays} > 30 then 0.6 else 0.25 end as closed,
          ${ageDays} as age_days,
          ${unit(g, 6)} as u6, ${unit(g, 8)} as u8, ${unit(g, 9)} as u9, ${unit(g, 10)} as u10, ${unit(g, 11)} as u11, ${unit(g, 13)} as u13,
          ${documentOf} as document
        from bench_plan p join bench_scopes s on s.scope_idx = p.scope_idx
        where p.g between ${from} and ${to}
      ) x join bench_documents d on d.n = x.document`.execute(db);
  };
  const insertComments = async ([from, to]: [number, number]): Promise<number> => {
    // 0–4 comments a task (2 on average), between its creation and its last change.
    const inserted = await sql`
      insert into task_comments (id, task_id, author_id, body, created_at, updated_at, search_terms, search_text)
      select ${uuidOf(sql`'baton-bench-comment-' || p.g || '-' || j`)}, t.id,
        case when j % 2 = 1 and t.holder_id is not null then t.holder_id else t.creator_id end,
        c.body, c.at, c.at, c.terms, c.text
      from bench_plan p
      join tasks t on t.id = ${taskIdOf(g)}
      cross join lateral generate_series(1, floor(${unit(g, 21)} * 5)::int) as j
      cross join lateral (
        select b.body, b.terms, b.text, t.created_at + (t.updated_at - t.created_at) * ${unit(g, sql`32 + j`)} as at
        from bench_comment_texts b where b.n = floor(${sql.lit(pool.comments.length)} * ${unit(g, sql`24 + j`)})::int
      ) c
      where p.g between ${from} and ${to}`.execute(db);
    return Number(inserted.numAffectedRows ?? 0);
  };

  const ranges: Array<[number, number]> = [];
  for (let from = 1; from <= tasks; from += chunk) ranges.push([from, Math.min(tasks, from + chunk - 1)]);
  let loadedTasks = 0;
  await inParallel(ranges, parallel, async (range) => {
    await insertTasks(range);
    loadedTasks += range[1] - range[0] + 1;
    log(`dataset: ${loadedTasks}/${tasks} tasks, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  });
  let comments = 0;
  await inParallel(ranges, parallel, async (range) => {
    // Not `comments += await …`: that reads `comments` before the other worker adds its share.
    const inserted = await insertComments(range);
    comments += inserted;
    log(`dataset: comments for tasks ${range[0]}–${range[1]} (${comments} in all), ${((performance.now() - started) / 1000).toFixed(0)} s`);
  });

  // Creator and holder watch the task (as the service adds them); an
  // internal deadline on 30% of tasks; the timeline's created and status events
  // (comment events are left out: no benchmark reads the timeline).
  // Three tables at once (each statement only reads tasks); events in order, so a
  // task's created event has the smaller id.
  await Promise.all([
    sql`
      insert into task_watchers (task_id, user_id)
      select id, creator_id from tasks
      union all select id, holder_id from tasks where holder_id is not null and holder_id <> creator_id`.execute(db),
    // Closed tasks' deadlines lie in their past; open tasks' mostly ahead
    // (3 to 66 days), 1 in 64 overdue by up to ten days.
    sql`
      insert into task_deadlines (task_id, kind, due_at, all_day, time_zone)
      select id, 'internal',
        case
          when status_id not in ('open', 'in_progress', 'waiting') then date_trunc('day', created_at) + make_interval(days => 4 + (hashtext(id) & 31))
          when ((hashtext(id) >> 10) & 63) = 0 then date_trunc('day', ${sql.val(now)}::timestamptz) - make_interval(days => ((hashtext(id) >> 16) & 7) + 1)
          else date_trunc('day', ${sql.val(now)}::timestamptz) + make_interval(days => 3 + ((hashtext(id) >> 16) & 63))
        end - interval '1 second', true, 'UTC'
      from tasks where (hashtext(id) & 1023) < 307`.execute(db),
    (async () => {
      await sql`
        insert into task_events (task_id, actor_id, at, kind, field, from_value, to_value)
        select id, creator_id, created_at, 'created', null, null, jsonb_build_object('key', key, 'title', title, 'holderId', holder_id, 'statusId', 'open')
        from tasks`.execute(db);
      await sql`
        insert into task_events (task_id, actor_id, at, kind, field, from_value, to_value)
        select id, coalesce(holder_id, creator_id), updated_at, 'status_changed', 'statusId', '"open"'::jsonb, to_jsonb(status_id)
        from tasks where status_id <> 'open'`.execute(db);
    })(),
  ]);
  log(`dataset: rows loaded in ${((performance.now() - started) / 1000).toFixed(0)} s; building ${indexes.length} indexes`);

  // Largest first (the GIN indexes), so the parallel builds end together.
  const bySize = [...indexes].sort((a, b) => Number(b.definition.includes('gin')) - Number(a.definition.includes('gin')));
  await inParallel(bySize, parallel, async (index) => {
    const building = performance.now();
    await sql.raw(index.definition).execute(db);
    log(`dataset: ${index.name} built in ${((performance.now() - building) / 1000).toFixed(1)} s`);
  });
  await dropHelperTables(db);
  // As a database that has been running a while: statistics collected, the visibility map set.
  await sql`vacuum (analyze) tasks, task_comments, task_deadlines, task_watchers, task_events`.execute(db);

  const terms = {rare: await countMatches(db, rareTerm, tasks), cjkPair: await countMatches(db, cjkPairTerm, tasks)};
  const seconds = (performance.now() - started) / 1000;
  log(`dataset: ${tasks} tasks and ${comments} comments in ${seconds.toFixed(0)} s; ${terms.rare.query} in ${terms.rare.matchingTasks} tasks, ${terms.cjkPair.query} in ${terms.cjkPair.matchingTasks}`);
  return {tasks, comments, seconds, terms};
}

async function createHelperTables(db: Kysely<DatabaseSchema>, {world, pool}: DatasetOptions): Promise<void> {
  await dropHelperTables(db);
  await sql`create table bench_documents (n int primary key, title text not null, description text not null, terms text[] not null, text text not null)`.execute(db);
  await sql`create table bench_comment_texts (n int primary key, body text not null, terms text[] not null, text text not null)`.execute(db);
  await sql`create table bench_scopes (scope_idx int primary key, channel_id text, members text[] not null, prefix text not null, first int not null)`.execute(db);
  await insertTexts(db, 'bench_documents', pool.documents.map((document, n) => ({n, title: document.title, description: document.description, terms: document.searchTerms, text: document.searchText})));
  await insertTexts(db, 'bench_comment_texts', pool.comments.map((comment, n) => ({n, body: comment.body, terms: comment.searchTerms, text: comment.searchText})));
  if (world.channels.length === 0 || world.people.length === 0) throw new Error('the benchmark world needs people and channels');
}

/** Rows of text through one array parameter per column (see fixtures/bulkInsert.ts for why). */
async function insertTexts(db: Kysely<DatabaseSchema>, table: 'bench_documents' | 'bench_comment_texts', rows: Array<Record<string, unknown> & {n: number; terms: string[]; text: string}>): Promise<void> {
  const separator = '\u001f';
  const textColumns = table === 'bench_documents' ? ['title', 'description'] : ['body'];
  for (let start = 0; start < rows.length; start += 2000) {
    const slice = rows.slice(start, start + 2000);
    const texts = textColumns.map((column) => sql`${sql.val(slice.map((row) => row[column] as string))}::text[]`);
    const names = sql.raw(['n', ...textColumns, 'terms', 'text'].join(', '));
    const picked = sql.raw(['u.n', ...textColumns.map((column) => `u.${column}`), `string_to_array(u.terms, '${separator}')`, 'u.text'].join(', '));
    await sql`
      insert into ${sql.table(table)} (${names})
      select ${picked} from unnest(${sql.val(slice.map((row) => row.n))}::int[], ${sql.join(texts)},
        ${sql.val(slice.map((row) => row.terms.join(separator)))}::text[], ${sql.val(slice.map((row) => row.text))}::text[]) as u(${names})`.execute(db);
  }
}

/**
 * Which scope (channel, or a person for a personal task) each task goes to,
 * its ordinal within the scope, and a block of real key numbers per scope.
 * Channel sizes are skewed (index ∝ u^2.5): a few channels hold most tasks.
 */
async function planScopes(db: Kysely<DatabaseSchema>, {tasks, world}: DatasetOptions, personalShare: number): Promise<void> {
  const channels = world.channels.length;
  await sql`
    create table bench_plan as
    select g, scope_idx, row_number() over (partition by scope_idx order by g)::int as ordinal
    from (
      select p.g, case when ${unit(g, 1)} < ${sql.lit(personalShare)}
        then ${sql.lit(channels)} + floor(${sql.lit(world.people.length)} * ${unit(g, 2)})::int
        else floor(${sql.lit(channels)} * power(${unit(g, 2)}, 2.5))::int end as scope_idx
      from generate_series(1, ${sql.lit(tasks)}) as p(g)
    ) planned`.execute(db);
  await sql`create unique index bench_plan_g on bench_plan (g)`.execute(db);
  const counts = await sql<{scope_idx: number; count: number}>`select scope_idx, count(*)::int as count from bench_plan group by scope_idx`.execute(db);
  const scopes = counts.rows.map(({scope_idx, count}) => {
    const channel = world.channels[scope_idx];
    const owner = channel ? undefined : world.people[scope_idx - channels]!;
    return channel
      ? {index: scope_idx, scope: keyScope(channel.id, ''), name: channel.name, fallback: 'TASK', count, channelId: channel.id, members: channel.members}
      : {index: scope_idx, scope: keyScope(null, owner!.id), name: owner!.username, fallback: 'MY', count, channelId: null, members: [owner!.id]};
  });
  const blocks = await reserveKeyBlocks(db, scopes);
  for (const scope of scopes) {
    const block = blocks.get(scope.scope)!;
    await sql`insert into bench_scopes (scope_idx, channel_id, members, prefix, first) values (${scope.index}, ${scope.channelId}, ${sql.val(scope.members)}::text[], ${block.prefix}, ${block.first})`.execute(db);
  }
}

async function dropSecondaryIndexes(db: Kysely<DatabaseSchema>): Promise<Array<{name: string; definition: string}>> {
  const found = await sql<{indexname: string; indexdef: string}>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in (${sql.join(loadedTables)})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
    order by i.indexname`.execute(db);
  for (const row of found.rows) await sql`drop index ${sql.id(row.indexname)}`.execute(db);
  return found.rows.map((row) => ({name: row.indexname, definition: row.indexdef}));
}

async function dropHelperTables(db: Kysely<DatabaseSchema>): Promise<void> {
  for (const table of ['bench_plan', 'bench_scopes', 'bench_documents', 'bench_comment_texts']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
}

async function countMatches(db: Kysely<DatabaseSchema>, probe: SearchProbe, tasks: number): Promise<PlantedTerm> {
  const row = await db
    .selectFrom('tasks')
    .select(sql<number>`count(*)::int`.as('count'))
    .where(taskMatchesSearch(parseSearchQuery(probe.query)))
    .executeTakeFirstOrThrow();
  return {query: probe.query, planted: probe.plantedIn(tasks), matchingTasks: Number(row.count)};
}

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({length: Math.max(1, Math.min(limit, items.length))}, worker));
}
