import type {FastifyInstance} from 'fastify';
import {z} from 'zod';
import {
  API_V1,
  dueInstant,
  opaqueId,
  versionETag,
  WORKFLOW_EXPORT_FORMAT,
  workflowDefinitionSchema,
  workflowExportSchema,
  workflowRunStartSchema,
  workflowTemplateRef,
} from '../../contract';
import type {WorkflowService} from '../../domain/workflows/workflowService';
import {presentRun, presentTemplate} from '../presenters/workflowPresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/workflows (templates, export/import, starting runs) and
// /api/v1/runs/{runId} — thin routes: parse → caller → one service call → present.

export interface WorkflowRouteDeps {
  workflows: WorkflowService;
  /** The caller's Mattermost time zone, for all-day run deadlines given without one. */
  timeZoneOf(userId: string): Promise<string>;
}

const templateParams = z.object({templateRef: workflowTemplateRef});
const runParams = z.object({runId: opaqueId});
const ifMatch = z.object({'if-match': z.string().regex(/^"?\d{1,9}"?$/, 'must be the template version in quotes, e.g. "2"').optional()}).loose();

export function registerWorkflowRoutes(server: FastifyInstance, deps: () => WorkflowRouteDeps): void {
  const base = `${API_V1}/workflows`;

  server.get(base, async (request) => {
    const templates = await deps().workflows.listTemplates(callerOf(request));
    return {items: templates.map(presentTemplate), nextCursor: null};
  });

  server.post(base, async (request, reply) => {
    const definition = parseRequest(workflowDefinitionSchema, request.body, 'body');
    const template = await deps().workflows.createTemplate(callerOf(request), definition);
    return reply.status(201).header('etag', versionETag(template.version)).send(presentTemplate(template));
  });

  // Import: an export from this or another Baton, as a new template.
  server.post(`${base}/import`, async (request, reply) => {
    const {definition} = parseRequest(workflowExportSchema, request.body, 'body');
    const template = await deps().workflows.createTemplate(callerOf(request), definition);
    return reply.status(201).header('etag', versionETag(template.version)).send(presentTemplate(template));
  });

  server.get(`${base}/:templateRef`, async (request, reply) => {
    const {templateRef} = parseRequest(templateParams, request.params, 'params');
    const template = await deps().workflows.getTemplate(callerOf(request), templateRef);
    return reply.header('etag', versionETag(template.version)).send(presentTemplate(template));
  });

  server.put(`${base}/:templateRef`, async (request, reply) => {
    const {templateRef} = parseRequest(templateParams, request.params, 'params');
    const headers = parseRequest(ifMatch, request.headers, 'headers');
    const definition = parseRequest(workflowDefinitionSchema, request.body, 'body');
    const expected = headers['if-match'] ? Number(headers['if-match'].replaceAll('"', '')) : undefined;
    const template = await deps().workflows.replaceTemplate(callerOf(request), templateRef, definition, expected);
    return reply.header('etag', versionETag(template.version)).send(presentTemplate(template));
  });

  server.get(`${base}/:templateRef/export`, async (request, reply) => {
    const {templateRef} = parseRequest(templateParams, request.params, 'params');
    const template = await deps().workflows.getTemplate(callerOf(request), templateRef);
    const fileName = `${template.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'workflow'}.json`;
    return reply.header('content-disposition', `attachment; filename="${fileName}"`).send({format: WORKFLOW_EXPORT_FORMAT, definition: template.definition});
  });

  server.post(`${base}/:templateRef/runs`, async (request, reply) => {
    const {templateRef} = parseRequest(templateParams, request.params, 'params');
    const body = parseRequest(workflowRunStartSchema, request.body, 'body');
    const caller = callerOf(request);
    const {workflows, timeZoneOf} = deps();
    const zone = await timeZoneOf(caller.userId);
    const deadlines = body.deadlines.map((deadline) => {
      const timeZone = deadline.timeZone ?? zone;
      return {kind: deadline.kind, ...dueInstant(deadline.due, timeZone), timeZone};
    });
    const run = await workflows.startRun(caller, templateRef, {
      channelId: body.channelId,
      roles: body.roles,
      deadlines,
      ...(body.title ? {title: body.title} : {}),
      ...(body.caseRef ? {caseRef: body.caseRef} : {}),
      ...(body.comment ? {comment: body.comment} : {}),
      runChannel: body.runChannel,
    });
    return reply.status(201).send(presentRun(await workflows.viewRun(run)));
  });

  server.get(`${API_V1}/runs/:runId`, async (request) => {
    const {runId} = parseRequest(runParams, request.params, 'params');
    const {workflows} = deps();
    return presentRun(await workflows.viewRun(await workflows.getRun(callerOf(request), runId)));
  });
}
