import {randomUUID} from 'node:crypto';
import {AppError, errors} from '../../errors';
import {keyScope, prefixCandidates} from './keyPrefix';
import {parseSearchQuery} from '../search/searchTerms';
import type {ChannelAccess, Clock, NewTaskRow, TaskChangeListener, TaskListing, TaskOperations, TaskReads, TaskStore, TaskTx} from './ports';
import type {Caller, Comment, Deadline, Task, TaskChanges, TaskDraft, TaskEvent} from './task';
import {canEditFields, canMoveBaton, canSee} from './visibility';
import {counterListFilters, type MyCounters} from './counters';

// Every change to a task: checked against visibility, applied only on the
// expected version, and recorded in the timeline in the same transaction.

export class StaleVersionError extends AppError {
  constructor(readonly current: Task) {
    super(409, 'baton.conflict.version', `Task ${current.key} was changed by someone else (now version ${current.version}); reload it and apply your change again.`);
  }
}

export interface TaskServiceDeps {
  store: TaskStore;
  access: ChannelAccess;
  clock: Clock;
  newId?: () => string;
  /** Told of every handoff and status change inside its transaction (workflows, notices). */
  listeners?: TaskChangeListener[];
  /** Whether a person must accept a handoff before closing it (their own setting); nobody must by default. */
  acceptance?: {required(userId: string): Promise<boolean>};
}

type Tx = TaskTx;

/** A listing as the route asks for it: the parent by id or key, search as text. */
export interface TaskListRequest {
  filters: Omit<TaskListing['filters'], 'parentId' | 'search'> & {parentRef?: string; q?: string};
  sort: TaskListing['sort'];
  limit: number;
  cursor?: string;
}
type NewEvent = Omit<TaskEvent, 'id'>;

export function createTaskService({store, access, clock, newId = randomUUID, listeners = [], acceptance}: TaskServiceDeps) {
  const event = (task: Pick<Task, 'id'>, caller: Caller, at: Date, kind: NewEvent['kind'], field: string | null, from: unknown, to: unknown): NewEvent => ({
    taskId: task.id,
    actorId: caller.userId,
    at,
    kind,
    field,
    from,
    to,
  });

  /** The task if the caller may see it; otherwise "not found" (existence is not revealed). */
  async function visibleTask(reads: TaskReads, caller: Caller, idOrKey: string): Promise<Task> {
    const task = await reads.findTask(idOrKey);
    if (!task || !(await canSee(task, caller, access))) throw errors.taskNotFound(idOrKey);
    return task;
  }

  async function reread(tx: Tx, id: string): Promise<Task> {
    const task = await tx.findTask(id);
    if (!task) throw errors.taskNotFound(id);
    return task;
  }

  async function requireHolderAllowed(task: Pick<Task, 'channelId'>, holderId: string | null): Promise<void> {
    if (holderId && task.channelId && !(await access.isMember(holderId, task.channelId))) {
      throw errors.invalid('holder', 'The holder must be a member of the task’s channel.', {field: 'holderId'});
    }
  }

  async function checkVersion(tx: Tx, task: Task, expectedVersion: number | undefined): Promise<number> {
    const version = expectedVersion ?? task.version;
    if (version !== task.version) throw new StaleVersionError(task);
    return version;
  }

  /** A handoff's or transition's note becomes a comment on the task, with its own event. */
  async function keepNote(tx: Tx, task: Task, caller: Caller, note: string | undefined, now: Date): Promise<NewEvent[]> {
    if (!note?.trim()) return [];
    const comment = newComment(task.id, caller, note.trim(), now);
    await tx.insertComment(comment);
    await auditComment(tx, caller, now, 'comment.created', null, comment);
    return [event(task, caller, now, 'commented', null, null, {commentId: comment.id})];
  }

  async function commit(tx: Tx, caller: Caller, task: Task, version: number, changes: Partial<NewTaskRow>, events: NewEvent[]): Promise<Task> {
    const now = clock.now();
    if (!(await tx.updateTask(task.id, version, {...changes, updatedAt: now, version: version + 1}))) {
      throw new StaleVersionError(await reread(tx, task.id));
    }
    await tx.appendEvents(events);
    const after = await reread(tx, task.id);
    await auditTask(tx, caller, now, taskAction(events), task, after);
    return after;
  }

  /** The audit entry of a task change: the task as it was and as it is now. */
  async function auditTask(tx: Tx, caller: Caller, at: Date, action: string, before: Task | null, after: Task): Promise<void> {
    await tx.audit.record({at, actor: caller, action, entity: {type: 'task', id: after.id}, before, after});
  }

  async function auditComment(tx: Tx, caller: Caller, at: Date, action: string, before: Comment | null, after: Comment | null): Promise<void> {
    await tx.audit.record({at, actor: caller, action, entity: {type: 'comment', id: (after ?? before)?.id ?? ''}, before, after});
  }

  // The changes themselves, inside a caller's transaction and without the
  // caller's authorization (the public methods check it first; workflows act
  // on the run's behalf). Handoffs and transitions tell the listeners.
  const operations: TaskOperations = {
    async create(tx, caller, draft) {
      const channelId = draft.channelId ?? null;
      const holderId = draft.holderId ?? null;
      const now = clock.now();
      const statusId = draft.statusId ?? 'open';
      const category = await tx.statusCategory(statusId);
      if (!category) throw errors.invalid('status', `Unknown status ${statusId}.`, {field: 'statusId'});
      const scope = keyScope(channelId, caller.userId);
      const name = channelId ? await access.channelName(channelId) : await access.username(caller.userId);
      const key = await tx.nextKey(scope, prefixCandidates(name, channelId ? 'TASK' : 'MY'));
      const row: NewTaskRow = {
        id: newId(),
        key,
        channelId,
        title: draft.title.trim(),
        description: draft.description ?? '',
        statusId,
        priority: draft.priority ?? 'normal',
        holderId,
        handedById: null,
        acceptedAt: null,
        creatorId: caller.userId,
        startDate: draft.startDate ?? null,
        parentId: draft.parentId ?? null,
        labels: [...new Set(draft.labels ?? [])],
        caseRef: draft.caseRef ?? null,
        sourcePostId: draft.sourcePostId ?? null,
        externalContact: draft.externalContact ?? null,
        createdAt: now,
        updatedAt: now,
        closedAt: category === 'closed' ? now : null,
        version: 1,
      };
      await tx.insertTask(row);
      for (const deadline of draft.deadlines ?? []) await tx.setDeadline(row.id, deadline);
      // The creator and the holder follow the task from the start.
      await tx.addWatchers(row.id, [caller.userId, ...(holderId ? [holderId] : []), ...(draft.watcherIds ?? [])]);
      await tx.appendEvents([event(row, caller, now, 'created', null, null, {key, title: row.title, holderId, statusId})]);
      const created = await reread(tx, row.id);
      await auditTask(tx, caller, now, 'task.created', null, created);
      return created;
    },

    async handOff(tx, caller, task, input) {
      const version = await checkVersion(tx, task, input.expectedVersion);
      if (input.toUserId === task.holderId) return task;
      await requireHolderAllowed(task, input.toUserId);
      const now = clock.now();
      await tx.addWatchers(task.id, [input.toUserId]);
      const events = [event(task, caller, now, 'handed_off', 'holderId', task.holderId, input.toUserId), ...(await keepNote(tx, task, caller, input.comment, now))];
      // Taking the baton yourself needs no acceptance; anyone else is asked.
      const self = input.toUserId === caller.userId;
      const after = await commit(tx, caller, task, version, {holderId: input.toUserId, handedById: self ? null : caller.userId, acceptedAt: self ? now : null}, events);
      await tell(tx, {kind: 'handed_off', before: task, after, actor: caller, at: now, ...(input.comment?.trim() ? {comment: input.comment.trim()} : {})});
      return after;
    },

    async transition(tx, caller, task, input) {
      const version = await checkVersion(tx, task, input.expectedVersion);
      if (input.statusId === task.statusId) return task;
      const category = await tx.statusCategory(input.statusId);
      if (!category) throw errors.invalid('status', `Unknown status ${input.statusId}.`, {field: 'statusId'});
      const now = clock.now();
      const events = [event(task, caller, now, 'status_changed', 'statusId', task.statusId, input.statusId), ...(await keepNote(tx, task, caller, input.comment, now))];
      const closedAt = category === 'closed' ? (task.closedAt ?? now) : null;
      const changes: Partial<NewTaskRow> = {statusId: input.statusId, closedAt};
      // The holder closing a handoff they never accepted: accepted by doing it,
      // unless their settings say a handoff must be accepted first.
      if (category === 'closed' && task.holderId === caller.userId && task.handedById && !task.acceptedAt) {
        if (input.acceptanceRequired) {
          throw errors.invalid('accept_first', `Accept ${task.key} first: your settings require accepting a handoff before closing it.`);
        }
        changes.acceptedAt = now;
      }
      const after = await commit(tx, caller, task, version, changes, events);
      await tell(tx, {
        kind: 'status_changed',
        before: task,
        after,
        actor: caller,
        at: now,
        ...(input.comment?.trim() ? {comment: input.comment.trim()} : {}),
        ...(input.nextHolderId ? {nextHolderId: input.nextHolderId} : {}),
      });
      return after;
    },

    async setDeadlines(tx, caller, task, deadlines) {
      if (deadlines.length === 0) return task;
      const events = await changeDeadlines(tx, caller, task, clock.now(), Object.fromEntries(deadlines.map(({kind, ...due}) => [kind, due])));
      return events.length === 0 ? task : commit(tx, caller, task, task.version, {}, events);
    },
  };

  /** Sets (or, for null, removes) each kind's deadline that differs from the task's, with one timeline event each. */
  async function changeDeadlines(tx: Tx, caller: Caller, task: Task, now: Date, changes: Record<string, Omit<Deadline, 'kind'> | null>): Promise<NewEvent[]> {
    const events: NewEvent[] = [];
    for (const [kind, next] of Object.entries(changes)) {
      const current = task.deadlines.find((deadline) => deadline.kind === kind);
      if (next === null) {
        if (!current) continue;
        await tx.removeDeadline(task.id, kind);
        events.push(event(task, caller, now, 'field_changed', `deadline:${kind}`, deadlineValue(current), null));
      } else if (!current || deadlineValue(current) !== deadlineValue({kind, ...next})) {
        await tx.setDeadline(task.id, {kind, ...next});
        events.push(event(task, caller, now, 'field_changed', `deadline:${kind}`, current ? deadlineValue(current) : null, deadlineValue({kind, ...next})));
      }
    }
    return events;
  }

  async function tell(tx: Tx, change: Parameters<TaskChangeListener['afterChange']>[1]): Promise<void> {
    for (const listener of listeners) await listener.afterChange(tx, change, operations);
  }

  return {
    /** For services that change tasks as part of their own transaction (workflows). */
    operations,

    async get(caller: Caller, idOrKey: string): Promise<Task> {
      return visibleTask(store, caller, idOrKey);
    },

    async create(caller: Caller, draft: TaskDraft): Promise<Task> {
      const channelId = draft.channelId ?? null;
      if (channelId && !(await access.isMember(caller.userId, channelId))) {
        throw errors.forbidden('channel', 'You can create tasks only in channels you are a member of.');
      }
      if (!channelId && caller.guest) throw errors.forbidden('guest_personal', 'Guests can create tasks only in their channels.');
      // Guests create only where a channel admin allowed it (channel settings `guests.mayCreateTasks`).
      if (channelId && caller.guest && !(await store.channels.channelRoles(channelId)).guests.mayCreateTasks) {
        throw errors.forbidden('guest_create', 'Guests cannot create tasks in this channel; a channel admin can allow it in the channel’s Baton settings.');
      }
      const holderId = draft.holderId ?? null;
      await requireHolderAllowed({channelId}, holderId);
      return store.transaction(async (tx) => {
        let parentId: string | null = null;
        if (draft.parentId) {
          const parent = await visibleTask(tx, caller, draft.parentId);
          if (parent.channelId !== channelId) throw errors.invalid('parent', 'A sub-task must be in the same channel as its parent.', {field: 'parentId'});
          parentId = parent.id;
        }
        const created = await operations.create(tx, caller, {...draft, channelId, holderId, parentId});
        // A task made for someone else puts the baton in their hands: they are told as for a handoff.
        if (holderId && holderId !== caller.userId) await tell(tx, {kind: 'handed_off', before: {...created, holderId: null}, after: created, actor: caller, at: created.createdAt});
        return created;
      });
    },

    async patch(caller: Caller, idOrKey: string, expectedVersion: number | undefined, changes: TaskChanges): Promise<Task> {
      return store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        if (!canEditFields(task, caller)) throw errors.forbidden('edit', 'Guests can edit only tasks they created.');
        const version = await checkVersion(tx, task, expectedVersion);
        const now = clock.now();
        const events: NewEvent[] = [];
        const row: Partial<NewTaskRow> = {};
        const scalar = <K extends 'title' | 'description' | 'priority' | 'startDate'>(field: K, next: NewTaskRow[K] | undefined) => {
          if (next === undefined || next === task[field]) return;
          row[field] = next;
          events.push(event(task, caller, now, 'field_changed', field, task[field], next));
        };
        scalar('title', changes.title?.trim());
        scalar('description', changes.description);
        scalar('priority', changes.priority);
        scalar('startDate', changes.startDate);
        if (changes.labels !== undefined) {
          const labels = [...new Set(changes.labels)];
          if (labels.join('\n') !== task.labels.join('\n')) {
            row.labels = labels;
            events.push(event(task, caller, now, 'field_changed', 'labels', task.labels, labels));
          }
        }
        if (changes.caseRef !== undefined && JSON.stringify(changes.caseRef) !== JSON.stringify(task.caseRef)) {
          row.caseRef = changes.caseRef;
          events.push(event(task, caller, now, 'field_changed', 'caseRef', task.caseRef, changes.caseRef));
        }
        if (changes.parentId !== undefined && changes.parentId !== task.parentId) {
          if (changes.parentId) {
            if (changes.parentId === task.id || changes.parentId === task.key) throw errors.invalid('parent', 'A task cannot be its own parent.', {field: 'parentId'});
            const parent = await visibleTask(tx, caller, changes.parentId);
            if (parent.channelId !== task.channelId) throw errors.invalid('parent', 'A sub-task must be in the same channel as its parent.', {field: 'parentId'});
            row.parentId = parent.id;
          } else {
            row.parentId = null;
          }
          events.push(event(task, caller, now, 'field_changed', 'parentId', task.parentId, row.parentId));
        }
        events.push(...(await changeDeadlines(tx, caller, task, now, changes.deadlines ?? {})));
        if (events.length === 0) return task;
        return commit(tx, caller, task, version, row, events);
      });
    },

    async handOff(caller: Caller, idOrKey: string, input: {toUserId: string; comment?: string; expectedVersion?: number}): Promise<Task> {
      return store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        if (!canMoveBaton(task, caller)) throw errors.forbidden('handoff', 'Guests can hand off only tasks they created or hold.');
        return operations.handOff(tx, caller, task, input);
      });
    },

    async transition(caller: Caller, idOrKey: string, input: {statusId: string; comment?: string; expectedVersion?: number; nextHolderId?: string}): Promise<Task> {
      // Asked before the transaction: the embedded engine has one connection, and the transaction holds it.
      const acceptanceRequired = (await acceptance?.required(caller.userId)) ?? false;
      return store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        if (!canMoveBaton(task, caller)) throw errors.forbidden('status', 'Guests can change the status only of tasks they created or hold.');
        return operations.transition(tx, caller, task, {...input, acceptanceRequired});
      });
    },

    /** The holder takes on a task handed to them: it moves to in progress. */
    async accept(caller: Caller, idOrKey: string, input: {expectedVersion?: number} = {}): Promise<Task> {
      return store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        if (task.holderId !== caller.userId) throw errors.forbidden('accept', 'Only the holder of a task can accept it.');
        const version = await checkVersion(tx, task, input.expectedVersion);
        if (task.acceptedAt) return task;
        const now = clock.now();
        const events = [event(task, caller, now, 'accepted', null, null, {from: task.handedById})];
        const changes: Partial<NewTaskRow> = {acceptedAt: now};
        if (task.statusId === 'open') {
          changes.statusId = 'in_progress';
          events.push(event(task, caller, now, 'status_changed', 'statusId', task.statusId, 'in_progress'));
        }
        return commit(tx, caller, task, version, changes, events);
      });
    },

    /** The holder refuses a handoff, saying why: the baton goes back to whoever handed it over, who is told the reason. */
    async decline(caller: Caller, idOrKey: string, input: {reason: string; expectedVersion?: number}): Promise<Task> {
      return store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        if (task.holderId !== caller.userId) throw errors.forbidden('decline', 'Only the holder of a task can decline it.');
        const version = await checkVersion(tx, task, input.expectedVersion);
        const sender = task.handedById;
        if (!sender) throw errors.invalid('decline', 'Nobody handed this task to you, so there is nobody to return it to; hand it off instead.');
        if (task.acceptedAt) throw errors.invalid('decline', 'You accepted this task already; hand it off instead.');
        const reason = input.reason.trim();
        if (!reason) throw errors.invalidRequest([{field: 'reason', message: 'is required (why you decline, for the sender)'}]);
        const now = clock.now();
        const events = [event(task, caller, now, 'declined', 'holderId', caller.userId, sender), ...(await keepNote(tx, task, caller, reason, now))];
        // The sender gets their own task back: nothing for them to accept.
        const after = await commit(tx, caller, task, version, {holderId: sender, handedById: null, acceptedAt: now}, events);
        await tell(tx, {kind: 'declined', before: task, after, actor: caller, at: now, comment: reason});
        return after;
      });
    },

    async addComment(caller: Caller, idOrKey: string, body: string): Promise<Comment> {
      return store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        const now = clock.now();
        const comment = newComment(task.id, caller, body.trim(), now);
        await tx.insertComment(comment);
        await tx.appendEvents([event(task, caller, now, 'commented', null, null, {commentId: comment.id})]);
        await auditComment(tx, caller, now, 'comment.created', null, comment);
        return comment;
      });
    },

    async editComment(caller: Caller, idOrKey: string, commentId: string, body: string): Promise<Comment> {
      return store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        const comment = await tx.findComment(task.id, commentId);
        if (!comment || comment.deletedAt) throw errors.commentNotFound(commentId);
        if (comment.authorId !== caller.userId) throw errors.forbidden('comment_author', 'Only the author can edit a comment.');
        const now = clock.now();
        await tx.updateComment(comment.id, {body: body.trim(), updatedAt: now});
        await tx.appendEvents([event(task, caller, now, 'comment_edited', null, {commentId, body: comment.body}, {commentId, body: body.trim()})]);
        const edited = {...comment, body: body.trim(), updatedAt: now};
        await auditComment(tx, caller, now, 'comment.edited', comment, edited);
        return edited;
      });
    },

    async deleteComment(caller: Caller, idOrKey: string, commentId: string): Promise<void> {
      await store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        const comment = await tx.findComment(task.id, commentId);
        if (!comment || comment.deletedAt) throw errors.commentNotFound(commentId);
        if (comment.authorId !== caller.userId) throw errors.forbidden('comment_author', 'Only the author can delete a comment.');
        const now = clock.now();
        await tx.updateComment(comment.id, {deletedAt: now, updatedAt: now});
        await tx.appendEvents([event(task, caller, now, 'comment_deleted', null, {commentId}, null)]);
        await auditComment(tx, caller, now, 'comment.deleted', comment, {...comment, deletedAt: now, updatedAt: now});
      });
    },

    async comments(caller: Caller, idOrKey: string): Promise<Comment[]> {
      const task = await visibleTask(store, caller, idOrKey);
      return (await store.listComments(task.id)).filter((comment) => !comment.deletedAt);
    },

    async setWatching(caller: Caller, idOrKey: string, watching: boolean): Promise<Task> {
      return store.transaction(async (tx) => {
        const task = await visibleTask(tx, caller, idOrKey);
        const now = clock.now();
        const changed = watching ? (await tx.addWatchers(task.id, [caller.userId])).length > 0 : await tx.removeWatcher(task.id, caller.userId);
        if (!changed) return task;
        await tx.appendEvents([event(task, caller, now, watching ? 'watched' : 'unwatched', null, null, null)]);
        const after = await reread(tx, task.id);
        await auditTask(tx, caller, now, watching ? 'task.watched' : 'task.unwatched', task, after);
        return after;
      });
    },

    /** The tasks the caller may see that match the filters, one page at a time. */
    async list(caller: Caller, request: TaskListRequest): Promise<{tasks: Task[]; nextCursor: string | null}> {
      const {parentRef, q, ...filters} = request.filters;
      const parentId = parentRef ? (await visibleTask(store, caller, parentRef)).id : undefined;
      const channelIds = await access.memberChannelIds(caller.userId);
      return store.listTasks({
        viewer: {userId: caller.userId, guest: caller.guest, channelIds},
        filters: {...filters, ...(parentId ? {parentId} : {}), ...(q ? {search: parseSearchQuery(q)} : {})},
        sort: request.sort,
        limit: request.limit,
        ...(request.cursor ? {cursor: request.cursor} : {}),
        now: clock.now(),
      });
    },

    /** The caller's sidebar counters: open tasks they hold, those overdue, and handoffs waiting on others; visibility as in `list`. */
    async counters(caller: Caller): Promise<MyCounters> {
      const channelIds = await access.memberChannelIds(caller.userId);
      return store.countTasks({viewer: {userId: caller.userId, guest: caller.guest, channelIds}, lists: counterListFilters(caller.userId), now: clock.now()});
    },

    async timeline(caller: Caller, idOrKey: string): Promise<TaskEvent[]> {
      const task = await visibleTask(store, caller, idOrKey);
      return store.timeline(task.id);
    },
  };

  function newComment(taskId: string, caller: Caller, body: string, now: Date): Comment {
    return {id: newId(), taskId, authorId: caller.userId, body, createdAt: now, updatedAt: now, deletedAt: null};
  }
}

export type TaskService = ReturnType<typeof createTaskService>;

/** A deadline as the timeline records it. */
function deadlineValue(deadline: Deadline): string {
  return `${deadline.dueAt.toISOString()}${deadline.allDay ? ' (all day)' : ''} ${deadline.timeZone}`;
}

/**
 * A task change's audit action, from the timeline events it made: the first
 * that is not a note (a handoff's comment comes with it), field edits as
 * `task.updated`.
 */
function taskAction(events: readonly NewEvent[]): string {
  const main = events.find((candidate) => candidate.kind !== 'commented') ?? events[0];
  if (!main) return 'task.updated';
  return main.kind === 'field_changed' ? 'task.updated' : `task.${main.kind}`;
}
