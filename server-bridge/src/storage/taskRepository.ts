import {type Expression, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SqlBool, sql, type Transaction, type Updateable} from 'kysely';
import type {NewTaskRow, TaskReads, TaskStore, TaskTx, TaskWrites} from '../domain/tasks/ports';
import type {Comment, Deadline, EventKind, Task, TaskEvent} from '../domain/tasks/task';
import type {DatabaseSchema} from './schema';
import {channelSettingsReadsOn, channelSettingsWritesOn} from './channelSettingsRepository';
import {createOutboxWriter} from './outboxRepository';
import {countTaskIds, listTaskIds} from './taskList';
import {refreshTaskSearchFields, searchFieldsForComment, searchFieldsForTask} from './taskSearch';
import {workflowReadsOn, workflowWritesOn} from './workflowRepository';
import {webhookAuditWriterOn} from './webhookRepository';

// The task store on either engine. Reads assemble a Task from its row, status
// category, deadlines and watchers; writes run inside the caller's
// transaction so a change and its timeline events commit together.

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export function createTaskRepository(db: Kysely<DatabaseSchema>, options: {afterCommit?: () => void} = {}): TaskStore {
  return {
    ...readsOn(db),
    workflows: workflowReadsOn(db),
    channels: channelSettingsReadsOn(db),
    async transaction(work) {
      const result = await db
        .transaction()
        .execute((trx) => work(taskTxOn(trx)));
      // E.g. wake the notice delivery: what the transaction enqueued is visible now.
      options.afterCommit?.();
      return result;
    },
  };
}

/** The store as one transaction sees it; other repositories build on it so their changes commit with task changes. */
export function taskTxOn(trx: Transaction<DatabaseSchema>): TaskTx {
  const reads = readsOn(trx);
  return {
    ...reads,
    ...writesOn(trx),
    workflows: {...workflowReadsOn(trx), ...workflowWritesOn(trx)},
    outbox: createOutboxWriter(trx),
    channels: {...channelSettingsReadsOn(trx), ...channelSettingsWritesOn(trx)},
    // Every audited change also enqueues its webhook deliveries (domain/webhooks/webhookEmitter.ts).
    audit: webhookAuditWriterOn(trx, (id) => reads.findTask(id)),
  };
}

function readsOn(db: Db): TaskReads {
  const reads: TaskReads = {
    async findTask(idOrKey) {
      const [task] = await loadTasks(db, (where) => where.or([where('t.id', '=', idOrKey), where('t.key', '=', idOrKey.toUpperCase())]));
      if (task) return task;
      // A key under a retired prefix (PATENT-12 after the channel chose PAT) finds the task under its current key.
      const renamed = await currentKeyOf(db, idOrKey);
      return renamed ? (await loadTasks(db, (where) => where('t.key', '=', renamed)))[0] : undefined;
    },
    async keyPrefix(scope) {
      const row = await db.selectFrom('task_key_sequences').select('prefix').where('scope', '=', scope).executeTakeFirst();
      return row?.prefix;
    },
    async findComment(taskId, commentId) {
      const row = await db.selectFrom('task_comments').selectAll().where('task_id', '=', taskId).where('id', '=', commentId).executeTakeFirst();
      return row ? toComment(row) : undefined;
    },
    async listComments(taskId) {
      const rows = await db.selectFrom('task_comments').selectAll().where('task_id', '=', taskId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toComment);
    },
    async listTasks(listing) {
      const {ids, nextCursor} = await listTaskIds(db, listing);
      if (ids.length === 0) return {tasks: [], nextCursor};
      // One query per part for the whole page, then back into the listing's order.
      const byId = new Map((await loadTasks(db, (where) => where('t.id', 'in', ids))).map((task) => [task.id, task]));
      return {tasks: ids.map((id) => byId.get(id)).filter((task): task is Task => task !== undefined), nextCursor};
    },
    async countTasks(counting) {
      return countTaskIds(db, counting);
    },
    async timeline(taskId) {
      const rows = await db.selectFrom('task_events').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
      return rows.map(
        (row): TaskEvent => ({id: String(row.id), taskId: row.task_id, actorId: row.actor_id, at: row.at, kind: row.kind as EventKind, field: row.field, from: row.from_value, to: row.to_value}),
      );
    },
  };
  return reads;
}

/** A deadline as the load query's json_agg gives it (timestamps as ISO text). */
interface DeadlineJson {
  kind: string;
  due_at: string;
  all_day: boolean;
  time_zone: string;
}

/**
 * Whole tasks (row, status, deadlines, watchers, sub-task progress) for the
 * rows the condition selects, in one query however many: a handoff loads its
 * task three times, so round trips here are most of its database time.
 */
async function loadTasks(db: Db, which: (where: ExpressionBuilder<DatabaseSchema & {t: DatabaseSchema['tasks']; s: DatabaseSchema['task_statuses']}, 't' | 's'>) => Expression<SqlBool>): Promise<Task[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .innerJoin('task_statuses as s', 's.id', 't.status_id')
    .selectAll('t')
    // `date` would become a local-midnight Date in node-postgres; keep the calendar date.
    .select([sql<string | null>`to_char(t.start_date, 'YYYY-MM-DD')`.as('start_day'), 's.category', 's.name as status_name'])
    .select([
      sql<DeadlineJson[] | null>`(select json_agg(json_build_object('kind', d.kind, 'due_at', d.due_at, 'all_day', d.all_day, 'time_zone', d.time_zone) order by d.kind)
        from task_deadlines d where d.task_id = t.id)`.as('deadline_list'),
      sql<string[] | null>`(select array_agg(w.user_id order by w.user_id) from task_watchers w where w.task_id = t.id)`.as('watcher_ids'),
      sql<number>`(select count(*)::int from tasks c where c.parent_id = t.id)`.as('children_total'),
      sql<number>`(select count(*)::int from tasks c join task_statuses cs on cs.id = c.status_id where c.parent_id = t.id and cs.category = 'closed')`.as('children_done'),
    ])
    .where(which)
    .execute();
  return rows.map((row): Task => {
    return {
      id: row.id,
      key: row.key,
      channelId: row.channel_id,
      title: row.title,
      description: row.description,
      statusId: row.status_id,
      statusName: row.status_name,
      statusCategory: row.category,
      priority: row.priority,
      holderId: row.holder_id,
      handedById: row.handed_by_id,
      acceptedAt: row.accepted_at,
      creatorId: row.creator_id,
      startDate: row.start_day,
      parentId: row.parent_id,
      labels: row.labels,
      caseRef: row.case_id ? {id: row.case_id, url: row.case_url ?? ''} : null,
      sourcePostId: row.source_post_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      closedAt: row.closed_at,
      version: row.version,
      deadlines: (row.deadline_list ?? []).map((deadline): Deadline => ({kind: deadline.kind, dueAt: new Date(deadline.due_at), allDay: deadline.all_day, timeZone: deadline.time_zone})),
      watcherIds: row.watcher_ids ?? [],
      progress: row.children_total > 0 ? {done: row.children_done, total: row.children_total} : null,
      externalContact: row.external_contact_name !== null ? {name: row.external_contact_name, email: row.external_contact_email ?? ''} : null,
    };
  });
}

function writesOn(db: Transaction<DatabaseSchema>): TaskWrites {
  return {
    async nextKey(scope, prefixCandidates) {
      const existing = await db.selectFrom('task_key_sequences').select('prefix').where('scope', '=', scope).executeTakeFirst();
      if (!existing) {
        for (const prefix of prefixCandidates) {
          if (await reservePrefix(db, scope, prefix)) {
            // DO NOTHING: a concurrent first task of the same scope may have got here first.
            await db.insertInto('task_key_sequences').values({scope, prefix}).onConflict((conflict) => conflict.doNothing()).execute();
            break;
          }
          if (await db.selectFrom('task_key_sequences').select('scope').where('scope', '=', scope).executeTakeFirst()) break;
        }
      }
      const allocated = await db
        .updateTable('task_key_sequences')
        .set({next_number: sql<number>`next_number + 1`})
        .where('scope', '=', scope)
        .returning(['prefix', sql<number>`next_number - 1`.as('number')])
        .executeTakeFirst();
      if (!allocated) throw new Error(`no free key prefix for ${scope}`);
      return `${allocated.prefix}-${allocated.number}`;
    },
    async changeKeyPrefix(scope, prefix, {actorId, at}) {
      const current = await db.selectFrom('task_key_sequences').select('prefix').where('scope', '=', scope).forUpdate().executeTakeFirst();
      if (current?.prefix === prefix) return 'unchanged';
      if (!(await reservePrefix(db, scope, prefix))) return 'taken';
      if (!current) {
        await db.insertInto('task_key_sequences').values({scope, prefix}).execute();
        return 'changed';
      }
      // Every task keeps its number under the new prefix; its timeline says so.
      const renamedKey = sql<string>`${prefix} || '-' || split_part(tasks.key, '-', 2)`;
      const ofScope = sql<SqlBool>`split_part(tasks.key, '-', 1) = ${current.prefix}`;
      await db
        .insertInto('task_events')
        .columns(['task_id', 'actor_id', 'at', 'kind', 'field', 'from_value', 'to_value'])
        .expression(
          db
            .selectFrom('tasks')
            .select([
              'tasks.id',
              sql.val(actorId).as('actor_id'),
              sql<Date>`${at}::timestamptz`.as('at'),
              sql.val('field_changed').as('kind'),
              sql.val('key').as('field'),
              sql`to_jsonb(tasks.key)`.as('from_value'),
              sql`to_jsonb(${renamedKey})`.as('to_value'),
            ])
            .where(ofScope)
            .orderBy('tasks.key'),
        )
        .execute();
      await db.updateTable('tasks').set({key: renamedKey}).where(ofScope).execute();
      await db.updateTable('task_key_sequences').set({prefix}).where('scope', '=', scope).execute();
      return 'changed';
    },
    async statusCategory(statusId) {
      const row = await db.selectFrom('task_statuses').select('category').where('id', '=', statusId).executeTakeFirst();
      return row?.category;
    },
    async insertTask(task) {
      // Every column is present: NewTaskRow is a whole task.
      const row = toRow(task) as Insertable<DatabaseSchema['tasks']>;
      await db
        .insertInto('tasks')
        .values({...row, ...searchFieldsForTask({title: task.title, description: task.description, case_id: task.caseRef?.id ?? null})})
        .execute();
    },
    async updateTask(id, expectedVersion, changes) {
      const result = await db.updateTable('tasks').set(toRow(changes)).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      // The searched text changed: recompute from the whole row, in this transaction.
      if (changes.title !== undefined || changes.description !== undefined || changes.caseRef !== undefined) await refreshTaskSearchFields(db, id);
      return true;
    },
    async setDeadline(taskId, deadline) {
      const values = {task_id: taskId, kind: deadline.kind, due_at: deadline.dueAt, all_day: deadline.allDay, time_zone: deadline.timeZone};
      await db
        .insertInto('task_deadlines')
        .values(values)
        .onConflict((conflict) => conflict.columns(['task_id', 'kind']).doUpdateSet({due_at: values.due_at, all_day: values.all_day, time_zone: values.time_zone}))
        .execute();
    },
    async removeDeadline(taskId, kind) {
      await db.deleteFrom('task_deadlines').where('task_id', '=', taskId).where('kind', '=', kind).execute();
    },
    async addWatchers(taskId, userIds) {
      const unique = [...new Set(userIds)];
      if (unique.length === 0) return [];
      const inserted = await db
        .insertInto('task_watchers')
        .values(unique.map((userId) => ({task_id: taskId, user_id: userId})))
        .onConflict((conflict) => conflict.doNothing())
        .returning('user_id')
        .execute();
      return inserted.map((row) => row.user_id);
    },
    async removeWatcher(taskId, userId) {
      const result = await db.deleteFrom('task_watchers').where('task_id', '=', taskId).where('user_id', '=', userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async insertComment(comment) {
      await db
        .insertInto('task_comments')
        .values({
          id: comment.id,
          task_id: comment.taskId,
          author_id: comment.authorId,
          body: comment.body,
          created_at: comment.createdAt,
          updated_at: comment.updatedAt,
          deleted_at: comment.deletedAt,
          ...searchFieldsForComment({body: comment.body}),
        })
        .execute();
    },
    async updateComment(id, changes) {
      await db
        .updateTable('task_comments')
        .set({
          updated_at: changes.updatedAt,
          ...(changes.body !== undefined ? {body: changes.body, ...searchFieldsForComment({body: changes.body})} : {}),
          ...(changes.deletedAt !== undefined ? {deleted_at: changes.deletedAt} : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    async appendEvents(events) {
      if (events.length === 0) return;
      await db
        .insertInto('task_events')
        .values(
          events.map((event) => ({
            task_id: event.taskId,
            actor_id: event.actorId,
            at: event.at,
            kind: event.kind,
            field: event.field,
            // jsonb goes as JSON text; node-postgres would turn arrays into PostgreSQL arrays.
            from_value: event.from === undefined || event.from === null ? null : JSON.stringify(event.from),
            to_value: event.to === undefined || event.to === null ? null : JSON.stringify(event.to),
          })),
        )
        .execute();
    },
  };
}

/** Domain fields → column values, for whichever fields are present. */
function toRow(task: Partial<NewTaskRow>) {
  const row: Updateable<DatabaseSchema['tasks']> = {};
  if (task.id !== undefined) row.id = task.id;
  if (task.key !== undefined) row.key = task.key;
  if (task.channelId !== undefined) row.channel_id = task.channelId;
  if (task.title !== undefined) row.title = task.title;
  if (task.description !== undefined) row.description = task.description;
  if (task.statusId !== undefined) row.status_id = task.statusId;
  if (task.priority !== undefined) row.priority = task.priority;
  if (task.holderId !== undefined) row.holder_id = task.holderId;
  if (task.handedById !== undefined) row.handed_by_id = task.handedById;
  if (task.acceptedAt !== undefined) row.accepted_at = task.acceptedAt;
  if (task.creatorId !== undefined) row.creator_id = task.creatorId;
  if (task.startDate !== undefined) row.start_date = task.startDate;
  if (task.parentId !== undefined) row.parent_id = task.parentId;
  if (task.labels !== undefined) row.labels = task.labels;
  if (task.caseRef !== undefined) {
    row.case_id = task.caseRef?.id ?? null;
    row.case_url = task.caseRef?.url ?? null;
  }
  if (task.sourcePostId !== undefined) row.source_post_id = task.sourcePostId;
  if (task.createdAt !== undefined) row.created_at = task.createdAt;
  if (task.updatedAt !== undefined) row.updated_at = task.updatedAt;
  if (task.closedAt !== undefined) row.closed_at = task.closedAt;
  if (task.version !== undefined) row.version = task.version;
  if (task.externalContact !== undefined) {
    row.external_contact_name = task.externalContact?.name ?? null;
    row.external_contact_email = task.externalContact?.email ?? null;
  }
  return row;
}

function toComment(row: Selectable<DatabaseSchema['task_comments']>): Comment {
  return {id: row.id, taskId: row.task_id, authorId: row.author_id, body: row.body, createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at};
}

/** Claims the prefix for the scope; true when it is (now or already) the scope's, false when another scope has used it. */
async function reservePrefix(db: Db, scope: string, prefix: string): Promise<boolean> {
  // DO NOTHING on conflict: a taken prefix must not abort the transaction.
  await db.insertInto('task_key_prefixes').values({prefix, scope}).onConflict((conflict) => conflict.doNothing()).execute();
  const owner = await db.selectFrom('task_key_prefixes').select('scope').where('prefix', '=', prefix).executeTakeFirst();
  return owner?.scope === scope;
}

/** The current key for a key under a retired prefix of the same scope, if any. */
async function currentKeyOf(db: Db, key: string): Promise<string | undefined> {
  const match = /^([A-Za-z][A-Za-z0-9]{0,9})-(\d{1,9})$/.exec(key);
  if (!match) return undefined;
  const row = await db
    .selectFrom('task_key_prefixes as p')
    .innerJoin('task_key_sequences as s', 's.scope', 'p.scope')
    .select('s.prefix')
    .where('p.prefix', '=', match[1]!.toUpperCase())
    .executeTakeFirst();
  return row && row.prefix !== match[1]!.toUpperCase() ? `${row.prefix}-${match[2]}` : undefined;
}
