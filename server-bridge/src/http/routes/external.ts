import type {FastifyInstance} from 'fastify';
import {API_V1, dueInstant, externalTaskParams, externalTaskPutSchema, runStepParams, stepCompleteSchema, versionETag} from '../../contract';
import type {ExternalTaskService} from '../../domain/external/externalTaskService';
import type {StepCompletion} from '../../domain/workflows/stepCompletion';
import type {WorkflowService} from '../../domain/workflows/workflowService';
import {presentTask} from '../presenters/taskPresenter';
import {presentRun} from '../presenters/workflowPresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// What business systems call besides the task and workflow routes:
// PUT/GET /api/v1/external/{source}/tasks/{externalId} (a task by the
// system's own reference; PUT is idempotent: 201 the first time, 200 with the
// same task after) and POST /api/v1/runs/{runId}/steps/{position}/complete
// (the step's task done: the baton passes on). Thin routes: parse → caller →
// one service call → present.

export interface ExternalRouteDeps {
  external: ExternalTaskService;
  steps: StepCompletion;
  workflows: Pick<WorkflowService, 'viewRun'>;
  /** Where an all-day deadline given without a zone ends: the caller's Mattermost time zone (for a token, the bot: the organisation's). */
  timeZoneOf(userId: string): Promise<string>;
}

export function registerExternalRoutes(server: FastifyInstance, deps: () => ExternalRouteDeps): void {
  const path = `${API_V1}/external/:source/tasks/:externalId`;

  server.put(path, async (request, reply) => {
    const {source, externalId} = parseRequest(externalTaskParams, request.params, 'params');
    const body = parseRequest(externalTaskPutSchema, request.body, 'body');
    const caller = callerOf(request);
    const {external, timeZoneOf} = deps();
    const zone = body.deadlines ? await timeZoneOf(caller.userId) : 'UTC';
    const {deadlines, ...fields} = body;
    const input = {
      ...fields,
      ...(deadlines ? {deadlines: deadlines.map((deadline) => ({kind: deadline.kind, timeZone: deadline.timeZone ?? zone, ...dueInstant(deadline.due, deadline.timeZone ?? zone)}))} : {}),
    };
    const {task, created} = await external.put(caller, source, externalId, input);
    return reply.status(created ? 201 : 200).header('etag', versionETag(task.version)).send(presentTask(task));
  });

  server.get(path, async (request, reply) => {
    const {source, externalId} = parseRequest(externalTaskParams, request.params, 'params');
    const task = await deps().external.get(callerOf(request), source, externalId);
    return reply.header('etag', versionETag(task.version)).send(presentTask(task));
  });

  server.post(`${API_V1}/runs/:runId/steps/:position/complete`, async (request) => {
    const {runId, position} = parseRequest(runStepParams, request.params, 'params');
    const body = parseRequest(stepCompleteSchema, request.body ?? {}, 'body');
    const {steps, workflows} = deps();
    const run = await steps.complete(callerOf(request), runId, position, body);
    return presentRun(await workflows.viewRun(run));
  });
}
