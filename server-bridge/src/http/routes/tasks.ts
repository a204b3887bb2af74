import {Readable} from 'node:stream';
import type {FastifyInstance, FastifyReply, FastifyRequest} from 'fastify';
import {z} from 'zod';
import {
  acceptSchema,
  API_V1,
  declineSchema,
  commentCreateSchema,
  commentUpdateSchema,
  type DeadlineChange,
  type DeadlineInput,
  dueInstant,
  expectedVersion,
  handoffSchema,
  opaqueId,
  pageQuerySchema,
  taskCreateSchema,
  taskExportQuerySchema,
  type TaskListQuery,
  taskListQuerySchema,
  taskPatchSchema,
  taskRef,
  transitionSchema,
  versionETag,
} from '../../contract';
import type {Deadline, Task} from '../../domain/tasks/task';
import {StaleVersionError, type TaskListRequest, type TaskService} from '../../domain/tasks/taskService';
import {errors} from '../../errors';
import {CSV_BOM, CSV_HEADER, csvRow, taskCsvRow} from '../presenters/taskCsv';
import {presentComment, presentEvent, presentTask} from '../presenters/taskPresenter';
import {pageAfter} from '../pages';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/tasks — thin routes: parse (contract) → caller → one service call →
// present. Authentication is the surrounding scope's (registerAuthenticatedRoutes).

export interface TaskRouteDeps {
  tasks: TaskService;
  /** The caller's Mattermost time zone, for all-day deadlines given without one. */
  timeZoneOf(userId: string): Promise<string>;
}

const taskParams = z.object({idOrKey: taskRef});
const commentParams = z.object({idOrKey: taskRef, commentId: opaqueId});

export function registerTaskRoutes(server: FastifyInstance, deps: () => TaskRouteDeps): void {
  const base = `${API_V1}/tasks`;

  server.post(base, async (request, reply) => {
    const body = parseRequest(taskCreateSchema, request.body, 'body');
    const caller = callerOf(request);
    const {tasks, timeZoneOf} = deps();
    const zone = await timeZoneOf(caller.userId);
    const task = await tasks.create(caller, {...body, deadlines: (body.deadlines ?? []).map((deadline) => toDeadline(deadline, zone))});
    return sendTask(reply.status(201), task);
  });

  server.get(base, async (request) => {
    const {limit, cursor, ...query} = parseRequest(taskListQuerySchema, request.query, 'query');
    const page = await deps().tasks.list(callerOf(request), {...listRequestFrom(query), limit, ...(cursor ? {cursor} : {})});
    return {items: page.tasks.map(presentTask), nextCursor: page.nextCursor};
  });

  // Every matching task in one file, streamed page by page so a large export
  // never sits in memory whole.
  server.get(`${base}/export`, async (request, reply) => {
    const {format, ...query} = parseRequest(taskExportQuerySchema, request.query, 'query');
    const caller = callerOf(request);
    const listing = listRequestFrom(query);
    const {tasks} = deps();
    // The first page is read before answering, so a bad filter still gets a clean 400.
    const first = await tasks.list(caller, {...listing, limit: EXPORT_PAGE});
    async function* pages(): AsyncGenerator<Task[]> {
      let page = first;
      yield page.tasks;
      while (page.nextCursor) {
        page = await tasks.list(caller, {...listing, limit: EXPORT_PAGE, cursor: page.nextCursor});
        yield page.tasks;
      }
    }
    const stamp = new Date().toISOString();
    const body = format === 'csv' ? csvExport(pages()) : jsonExport(pages(), stamp);
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="baton-tasks-${stamp.slice(0, 10)}.${format}"`)
      .send(Readable.from(body));
  });

  server.get(`${base}/:idOrKey`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    return sendTask(reply, await deps().tasks.get(callerOf(request), idOrKey));
  });

  server.patch(`${base}/:idOrKey`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    const body = parseRequest(taskPatchSchema, request.body, 'body');
    const version = versionOf(request, body.version, true);
    const caller = callerOf(request);
    const {tasks, timeZoneOf} = deps();
    const zone = body.deadlines ? await timeZoneOf(caller.userId) : 'UTC';
    const {version: _version, deadlines, ...fields} = body;
    const deadlineChanges = deadlines ? Object.fromEntries(deadlines.map((change) => [change.kind, toDeadlineChange(change, zone)])) : undefined;
    return sendTask(reply, await withCurrentOnConflict(tasks.patch(caller, idOrKey, version, {...fields, ...(deadlineChanges ? {deadlines: deadlineChanges} : {})})));
  });

  server.post(`${base}/:idOrKey/handoff`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    const body = parseRequest(handoffSchema, request.body, 'body');
    const expected = versionOf(request, body.version, false);
    const input = {toUserId: body.toUserId, ...(body.comment ? {comment: body.comment} : {}), ...(expected !== undefined ? {expectedVersion: expected} : {})};
    return sendTask(reply, await withCurrentOnConflict(deps().tasks.handOff(callerOf(request), idOrKey, input)));
  });

  server.post(`${base}/:idOrKey/transition`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    const body = parseRequest(transitionSchema, request.body, 'body');
    const expected = versionOf(request, body.version, false);
    const input = {
      statusId: body.statusId,
      ...(body.comment ? {comment: body.comment} : {}),
      ...(body.nextHolderId ? {nextHolderId: body.nextHolderId} : {}),
      ...(expected !== undefined ? {expectedVersion: expected} : {}),
    };
    return sendTask(reply, await withCurrentOnConflict(deps().tasks.transition(callerOf(request), idOrKey, input)));
  });

  // The holder answers a handoff: accept (in progress), or decline with a reason (back to the sender).
  server.post(`${base}/:idOrKey/accept`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    const body = parseRequest(acceptSchema, request.body ?? {}, 'body');
    const expected = versionOf(request, body.version, false);
    return sendTask(reply, await withCurrentOnConflict(deps().tasks.accept(callerOf(request), idOrKey, expected !== undefined ? {expectedVersion: expected} : {})));
  });

  server.post(`${base}/:idOrKey/decline`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    const body = parseRequest(declineSchema, request.body, 'body');
    const expected = versionOf(request, body.version, false);
    return sendTask(reply, await withCurrentOnConflict(deps().tasks.decline(callerOf(request), idOrKey, {reason: body.reason, ...(expected !== undefined ? {expectedVersion: expected} : {})})));
  });

  // Comments and the timeline: oldest first, in pages.
  server.get(`${base}/:idOrKey/comments`, async (request) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    const {limit, cursor} = parseRequest(pageQuerySchema, request.query, 'query');
    const comments = await deps().tasks.comments(callerOf(request), idOrKey);
    const page = pageAfter(comments, (comment) => comment.id, limit, cursor);
    return {items: page.items.map(presentComment), nextCursor: page.nextCursor};
  });

  server.post(`${base}/:idOrKey/comments`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    const {body} = parseRequest(commentCreateSchema, request.body, 'body');
    const comment = await deps().tasks.addComment(callerOf(request), idOrKey, body);
    return reply.status(201).send(presentComment(comment));
  });

  server.patch(`${base}/:idOrKey/comments/:commentId`, async (request) => {
    const {idOrKey, commentId} = parseRequest(commentParams, request.params, 'params');
    const {body} = parseRequest(commentUpdateSchema, request.body, 'body');
    return presentComment(await deps().tasks.editComment(callerOf(request), idOrKey, commentId, body));
  });

  server.delete(`${base}/:idOrKey/comments/:commentId`, async (request, reply) => {
    const {idOrKey, commentId} = parseRequest(commentParams, request.params, 'params');
    await deps().tasks.deleteComment(callerOf(request), idOrKey, commentId);
    return reply.status(204).send();
  });

  server.put(`${base}/:idOrKey/watch`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    return sendTask(reply, await deps().tasks.setWatching(callerOf(request), idOrKey, true));
  });

  server.delete(`${base}/:idOrKey/watch`, async (request, reply) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    return sendTask(reply, await deps().tasks.setWatching(callerOf(request), idOrKey, false));
  });

  server.get(`${base}/:idOrKey/timeline`, async (request) => {
    const {idOrKey} = parseRequest(taskParams, request.params, 'params');
    const {limit, cursor} = parseRequest(pageQuerySchema, request.query, 'query');
    const events = await deps().tasks.timeline(callerOf(request), idOrKey);
    const page = pageAfter(events, (event) => event.id, limit, cursor);
    return {items: page.items.map(presentEvent), nextCursor: page.nextCursor};
  });
}

const EXPORT_PAGE = 200;

type ListQuery = Omit<TaskListQuery, 'limit' | 'cursor'>;

/** List and export share filters: contract names → the service's listing. */
function listRequestFrom(query: ListQuery): Omit<TaskListRequest, 'limit'> {
  const {sort, parentId, statusId, priority, dueBefore, dueAfter, ...filters} = query;
  return {
    filters: {
      ...withoutUndefined(filters),
      ...(parentId ? {parentRef: parentId} : {}),
      ...(statusId ? {statusIds: statusId} : {}),
      ...(priority ? {priorities: priority} : {}),
      ...(dueBefore ? {dueBefore: new Date(dueBefore)} : {}),
      ...(dueAfter ? {dueAfter: new Date(dueAfter)} : {}),
    },
    sort,
  };
}

async function* csvExport(pages: AsyncIterable<Task[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(CSV_HEADER);
  for await (const page of pages) yield page.map(taskCsvRow).join('');
}

async function* jsonExport(pages: AsyncIterable<Task[]>, exportedAt: string): AsyncGenerator<string> {
  yield `{"exportedAt":${JSON.stringify(exportedAt)},"items":[`;
  let first = true;
  for await (const page of pages) {
    for (const task of page) {
      yield `${first ? '' : ','}${JSON.stringify(presentTask(task))}`;
      first = false;
    }
  }
  yield ']}';
}

function sendTask(reply: FastifyReply, task: Task) {
  return reply.header('etag', versionETag(task.version)).send(presentTask(task));
}

function versionOf(request: FastifyRequest, bodyVersion: number | undefined, required: boolean): number | undefined {
  const ifMatch = request.headers['if-match'];
  const result = expectedVersion(bodyVersion, typeof ifMatch === 'string' ? ifMatch : undefined, required);
  if (!result.ok) throw errors.invalidRequest([{field: result.field, message: result.message}]);
  return result.version;
}

/** A 409 carries the task as it is now, so the client can show both and retry. */
async function withCurrentOnConflict(change: Promise<Task>): Promise<Task> {
  try {
    return await change;
  } catch (error) {
    if (error instanceof StaleVersionError) {
      error.details.current = presentTask(error.current);
    }
    throw error;
  }
}

function toDeadline(input: DeadlineInput, defaultZone: string): Deadline {
  const timeZone = input.timeZone ?? defaultZone;
  return {kind: input.kind, timeZone, ...dueInstant(input.due, timeZone)};
}

function toDeadlineChange(change: DeadlineChange, defaultZone: string): Omit<Deadline, 'kind'> | null {
  if (change.due === null) return null;
  const timeZone = change.timeZone ?? defaultZone;
  return {timeZone, ...dueInstant(change.due, timeZone)};
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): {[K in keyof T]: Exclude<T[K], undefined>} {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as {[K in keyof T]: Exclude<T[K], undefined>};
}
