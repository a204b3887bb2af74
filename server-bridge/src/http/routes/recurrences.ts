import type {FastifyInstance} from 'fastify';
import {z} from 'zod';
import {API_V1, opaqueId, recurrenceCreateSchema, recurrenceListQuerySchema, recurrencePatchSchema, type RecurrenceScheduleInput} from '../../contract';
import type {RecurrenceService, ScheduleInput} from '../../domain/recurrence/recurrenceService';
import {presentRecurrence} from '../presenters/recurrencePresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/recurrences — recurring tasks and workflow runs. Thin routes: parse
// → caller → one service call (which authorizes and checks the schedule) → present.

export interface RecurrenceRouteDeps {
  recurrences: RecurrenceService;
  /** The caller's Mattermost time zone, for a schedule given without one. */
  timeZoneOf(userId: string): Promise<string>;
}

const recurrenceParams = z.object({recurrenceId: opaqueId});

export function registerRecurrenceRoutes(server: FastifyInstance, deps: () => RecurrenceRouteDeps): void {
  const base = `${API_V1}/recurrences`;

  async function withZone(schedule: RecurrenceScheduleInput, userId: string): Promise<ScheduleInput> {
    return {...schedule, timeZone: schedule.timeZone ?? (await deps().timeZoneOf(userId))};
  }

  server.get(base, async (request) => {
    const query = parseRequest(recurrenceListQuerySchema, request.query, 'query');
    const recurrences = await deps().recurrences.list(callerOf(request), query.channelId ? {channelId: query.channelId} : {});
    return {items: recurrences.map(presentRecurrence), nextCursor: null};
  });

  server.post(base, async (request, reply) => {
    const body = parseRequest(recurrenceCreateSchema, request.body, 'body');
    const caller = callerOf(request);
    const recurrence = await deps().recurrences.create(caller, {...body, schedule: await withZone(body.schedule, caller.userId)});
    return reply.status(201).send(presentRecurrence(recurrence));
  });

  server.get(`${base}/:recurrenceId`, async (request) => {
    const {recurrenceId} = parseRequest(recurrenceParams, request.params, 'params');
    return presentRecurrence(await deps().recurrences.get(callerOf(request), recurrenceId));
  });

  server.patch(`${base}/:recurrenceId`, async (request) => {
    const {recurrenceId} = parseRequest(recurrenceParams, request.params, 'params');
    const {schedule, ...body} = parseRequest(recurrencePatchSchema, request.body, 'body');
    const caller = callerOf(request);
    const edit = {...body, ...(schedule ? {schedule: await withZone(schedule, caller.userId)} : {})};
    return presentRecurrence(await deps().recurrences.update(caller, recurrenceId, edit));
  });

  server.delete(`${base}/:recurrenceId`, async (request, reply) => {
    const {recurrenceId} = parseRequest(recurrenceParams, request.params, 'params');
    await deps().recurrences.remove(callerOf(request), recurrenceId);
    return reply.status(204).send();
  });
}
