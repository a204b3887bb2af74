import {type Expression, type ExpressionBuilder, type Kysely, sql, type SqlBool} from 'kysely';
import type {PersonFigures, StatsStore, StatsViewer, TemplateFigures} from '../domain/stats/ports';
import type {DurationSummary, OnTimeByKind} from '../domain/stats/types';
import type {DatabaseSchema} from './schema';
import {visibleTo} from './taskList';
import {workflowReadsOn} from './workflowRepository';

// The stats of domain/stats as SQL aggregates, on either engine. The figures'
// definitions are in domain/stats/types.ts; how the SQL arrives at them:
//
// Holdings are rebuilt from the timeline, not from the tasks' current rows:
// the events that move the baton (`created` with its holderId, `handed_off`
// and `declined` to the new holder) and those that change the status
// (`created` with its statusId, `status_changed`), in the order they happened
// (at, then id: events of one transaction share `at`). After each event the
// task is "held by X" when X holds it and its status is open, else "held by
// nobody". A holding is a maximal stretch of "held by X"; it ends at the
// next event that changes that — a handoff or decline (passed on) or a close.
// `accepted` and open → open status changes (open → in progress) do not end
// a holding: the baton is held from the moment it arrives.

type Db = Kysely<DatabaseSchema>;

/** Closed statuses that do not mean the work was done. */
const NOT_COMPLETED_STATUSES = ['cancelled'];
const STANDARD_KINDS = ['legal', 'customer', 'internal'];

export function createStatsQueries(db: Db): StatsStore {
  const workflows = workflowReadsOn(db);
  return {
    findTemplate: (idOrName) => workflows.findTemplate(idOrName),

    async personFigures({viewer, userId, from, to, now}) {
      const [history, load] = await Promise.all([personHistory(db, viewer, userId, from, to), personLoad(db, viewer, userId, now)]);
      return {...history, load};
    },

    async templateFigures({viewer, templateId, from, to}) {
      const visibleRuns = db
        .selectFrom('workflow_runs')
        .select(['workflow_runs.id', 'workflow_runs.template_id', 'workflow_runs.template_version', 'workflow_runs.status', 'workflow_runs.started_at', 'workflow_runs.completed_at'])
        .where('workflow_runs.template_id', '=', templateId)
        // Runs live in a channel: members see them, guests too (only theirs).
        .where(viewer.channelIds.length > 0 ? sql<SqlBool>`workflow_runs.channel_id = any(${viewer.channelIds}::text[])` : sql<SqlBool>`false`);
      const inPeriod = (column: string) => sql<SqlBool>`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`;
      const [runs] = (
        await sql<SummaryRow & {active: number}>`
          with visible_runs as ${visibleRuns}
          select
            (count(*) filter (where status = 'completed' and ${inPeriod('completed_at')}))::int as count,
            percentile_cont(0.5) within group (order by ${elapsedMs('started_at', 'completed_at')}) filter (where status = 'completed' and ${inPeriod('completed_at')}) as median_ms,
            percentile_cont(0.9) within group (order by ${elapsedMs('started_at', 'completed_at')}) filter (where status = 'completed' and ${inPeriod('completed_at')}) as p90_ms,
            (count(*) filter (where status = 'active'))::int as active
          from visible_runs`.execute(db)
      ).rows;
      // A step's name comes from the template version its run follows.
      const steps = (
        await sql<SummaryRow & {position: number; name: string; waiting: number}>`
          with visible_runs as ${visibleRuns}
          select
            s.position,
            coalesce(v.definition -> 'steps' -> s.position ->> 'name', '') as name,
            (count(*) filter (where ${inPeriod('s.completed_at')}))::int as count,
            percentile_cont(0.5) within group (order by ${elapsedMs('s.started_at', 's.completed_at')}) filter (where ${inPeriod('s.completed_at')}) as median_ms,
            percentile_cont(0.9) within group (order by ${elapsedMs('s.started_at', 's.completed_at')}) filter (where ${inPeriod('s.completed_at')}) as p90_ms,
            (count(*) filter (where r.status = 'active' and s.completed_at is null))::int as waiting
          from workflow_run_steps s
          join visible_runs r on r.id = s.run_id
          join workflow_template_versions v on v.template_id = r.template_id and v.version = r.template_version
          where s.started_at is not null
          group by s.position, 2
          order by s.position, 2`.execute(db)
      ).rows;
      const figures: TemplateFigures = {
        runs: summaryOf(runs),
        activeRuns: runs?.active ?? 0,
        steps: steps.map((row) => ({position: row.position, name: row.name, durations: summaryOf(row), waiting: row.waiting})),
      };
      return figures;
    },
  };
}

interface SummaryRow {
  count: number;
  median_ms: number | null;
  p90_ms: number | null;
}

function summaryOf(row: SummaryRow | undefined): DurationSummary {
  const ms = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value)));
  return {count: row?.count ?? 0, medianMs: ms(row?.median_ms), p90Ms: ms(row?.p90_ms)};
}

/** Milliseconds from one timestamp column to another, as float8 (percentile_cont needs a float). */
function elapsedMs(start: string, end: string) {
  return sql<number>`(extract(epoch from (${sql.ref(end)} - ${sql.ref(start)})) * 1000)::float8`;
}

/** The task is the parent of a workflow run (a folder for its steps, not anyone's work). */
function isRunParent(eb: ExpressionBuilder<DatabaseSchema, 'tasks'>): Expression<SqlBool> {
  return eb.exists(eb.selectFrom('workflow_runs as pr').select('pr.id').whereRef('pr.parent_task_id', '=', 'tasks.id'));
}

/** The holder an event gives the task: `created` carries it in an object, handoffs and declines as a JSON string. */
const HOLDER_OF_EVENT = sql<string | null>`case when e.kind = 'created' then e.to_value ->> 'holderId' when e.kind in ('handed_off', 'declined') then e.to_value #>> '{}' end`;

async function personHistory(db: Db, viewer: StatsViewer, userId: string, from: Date, to: Date): Promise<Omit<PersonFigures, 'load'>> {
  // Only tasks the viewer may see and the person ever held.
  const candidates = db
    .selectFrom('tasks')
    .select('tasks.id')
    .where((eb) => visibleTo(eb, viewer))
    .where((eb) => eb.not(isRunParent(eb)))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_events as e')
          .select('e.id')
          .whereRef('e.task_id', '=', 'tasks.id')
          .where(sql<SqlBool>`e.kind in ('created', 'handed_off', 'declined') and ${HOLDER_OF_EVENT} = ${userId}`),
      ),
    );
  const [row] = (
    await sql<{tasks_completed: number; steps_completed: number; holdings: number; average_ms: number | null; on_time: Array<{kind: string; due: number; on_time: number}> | null}>`
      with candidates as ${candidates},
      moves as (
        select e.task_id, e.id, e.at, e.kind,
          ${HOLDER_OF_EVENT} as holder,
          case when e.kind = 'created' then e.to_value ->> 'statusId' when e.kind = 'status_changed' then e.to_value #>> '{}' end as status_id
        from task_events e
        where e.task_id in (select id from candidates)
          and e.kind in ('created', 'handed_off', 'declined', 'status_changed')
          and e.at < ${to}
      ),
      -- Each event sets the holder, the status or both; carry the last value
      -- set forward (runs of events numbered by how many setters came before).
      numbered as (
        select *,
          count(*) filter (where kind <> 'status_changed') over w as holder_run,
          count(*) filter (where kind in ('created', 'status_changed')) over w as status_run
        from moves
        window w as (partition by task_id order by at, id)
      ),
      states as (
        select n.task_id, n.id, n.at,
          max(n.holder) over (partition by n.task_id, n.holder_run) as holder,
          max(n.status_id) over (partition by n.task_id, n.status_run) as status_id
        from numbered n
      ),
      held as (
        select s.task_id, s.id, s.at, s.status_id, st.category,
          case when st.category = 'open' then s.holder end as held_by
        from states s
        join task_statuses st on st.id = s.status_id
      ),
      changes as (
        select *,
          row_number() over w as n,
          lag(held_by) over w as held_before
        from held
        window w as (partition by task_id order by at, id)
      ),
      stretches as (
        select task_id, held_by,
          at as started_at,
          lead(at) over w as ended_at,
          lead(category) over w as end_category,
          lead(status_id) over w as end_status
        from changes
        where n = 1 or held_by is distinct from held_before
        window w as (partition by task_id order by at, id)
      ),
      -- The person's holdings that ended in the period (all events are before its end).
      mine as (
        select * from stretches where held_by = ${userId} and ended_at >= ${from}
      ),
      completions as (
        select * from mine where end_category = 'closed' and end_status <> all(${NOT_COMPLETED_STATUSES}::text[])
      )
      select
        (select count(*) from completions)::int as tasks_completed,
        (select count(*) from completions c where exists (select 1 from workflow_run_steps rs where rs.task_id = c.task_id))::int as steps_completed,
        (select count(*) from mine)::int as holdings,
        (select avg(extract(epoch from (ended_at - started_at)) * 1000)::float8 from mine) as average_ms,
        -- On time: completed at or before the deadline of that kind as it stands now.
        (select jsonb_agg(jsonb_build_object('kind', d.kind, 'due', d.due, 'on_time', d.on_time) order by d.kind) from (
          select dl.kind, count(*) as due, count(*) filter (where c.ended_at <= dl.due_at) as on_time
          from completions c
          join task_deadlines dl on dl.task_id = c.task_id
          group by dl.kind
        ) d) as on_time`.execute(db)
  ).rows;
  const onTime: OnTimeByKind[] = (row?.on_time ?? [])
    .map((entry) => ({kind: entry.kind, due: Number(entry.due), onTime: Number(entry.on_time), rate: Number(entry.due) > 0 ? Number(entry.on_time) / Number(entry.due) : null}))
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.kind.localeCompare(b.kind));
  return {
    tasksCompleted: row?.tasks_completed ?? 0,
    stepsCompleted: row?.steps_completed ?? 0,
    onTime,
    holding: {count: row?.holdings ?? 0, averageMs: row?.average_ms === null || row?.average_ms === undefined ? null : Math.round(Number(row.average_ms))},
  };
}

function kindOrder(kind: string): number {
  const index = STANDARD_KINDS.indexOf(kind);
  return index < 0 ? STANDARD_KINDS.length : index;
}

/** Open tasks the person holds now (run parents aside); overdue: any deadline already past. */
async function personLoad(db: Db, viewer: StatsViewer, userId: string, now: Date): Promise<PersonFigures['load']> {
  const row = await db
    .selectFrom('tasks')
    .innerJoin('task_statuses as s', 's.id', 'tasks.status_id')
    .select([
      sql<number>`count(*)::int`.as('held_open'),
      sql<number>`(count(*) filter (where exists (select 1 from task_deadlines d where d.task_id = tasks.id and d.due_at < ${now})))::int`.as('overdue'),
    ])
    .where('tasks.holder_id', '=', userId)
    .where('s.category', '=', 'open')
    .where((eb) => visibleTo(eb, viewer))
    .where((eb) => eb.not(isRunParent(eb)))
    .executeTakeFirst();
  return {heldOpen: row?.held_open ?? 0, overdue: row?.overdue ?? 0};
}
