import type {FastifyInstance} from 'fastify';
import {z} from 'zod';
import {API_V1, channelId, externalId, externalSource, opaqueId, runStepParams, taskRef, userId, workflowTemplateRef} from '../contract';
import {
  type ErrorStatus,
  type OperationSpec,
  errorResponses,
  operations,
  requestComponents,
  responseComponents,
} from './openapiOperations';

// The OpenAPI 3.1 document of /api/v1, generated from the contract schemas
// (z.toJSONSchema), so it cannot drift from what the bridge validates.
// OpenAPI 3.1 schemas are JSON Schema 2020-12, zod's default target.

type JsonSchema = z.core.JSONSchema.BaseSchema;
type JsonObject = {[key: string]: unknown};

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {title: string; version: string; description: string};
  servers?: Array<{url: string}>;
  security: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, JsonObject>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, JsonObject>;
    headers: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
}

export interface OpenApiOptions {
  /** The document's version (info.version); the bridge's release. */
  version?: string;
  /** The bridge's public URL, when known. */
  serverUrl?: string;
}

export const OPENAPI_PATH = `${API_V1}/openapi.json`;
const SECURITY_SCHEME = 'bridgeSession';

const ref = (section: 'schemas' | 'parameters' | 'headers' | 'responses', name: string) => ({$ref: `#/components/${section}/${name}`});

export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const spec of operations) (paths[spec.path] ??= {})[spec.method] = operation(spec);
  paths[OPENAPI_PATH] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      security: [],
      responses: {200: {description: 'The OpenAPI 3.1 document of /api/v1.', content: {'application/json': {schema: {type: 'object'}}}}},
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Baton bridge API',
      version: options.version ?? '1.0.0',
      description:
        'Tasks and handoffs inside Mattermost. Authenticate with a bridge session token (`Authorization: Bearer <token>`), ' +
        'which the webapp gets by running the hidden `/task connect` command, or, for business systems, with an API token a system admin created ' +
        '(same header; each route says the scope it needs); tokens are never accepted in URLs. ' +
        'JSON is camelCase; error bodies are ApiError with a stable `id`.',
    },
    ...(options.serverUrl ? {servers: [{url: options.serverUrl}]} : {}),
    security: [{[SECURITY_SCHEME]: []}],
    paths,
    components: {
      schemas: {...componentSchemas(requestComponents, 'input'), ...componentSchemas(responseComponents, 'output')},
      parameters: {
        idOrKey: {name: 'idOrKey', in: 'path', required: true, description: 'The task id, or its key such as PAT-12.', schema: fieldSchema(taskRef)},
        commentId: {name: 'commentId', in: 'path', required: true, schema: fieldSchema(opaqueId)},
        channelId: {name: 'channelId', in: 'path', required: true, description: 'The Mattermost channel id.', schema: fieldSchema(channelId)},
        templateRef: {name: 'templateRef', in: 'path', required: true, description: 'The template id, or its name in any letter case.', schema: fieldSchema(workflowTemplateRef)},
        runId: {name: 'runId', in: 'path', required: true, schema: fieldSchema(opaqueId)},
        recurrenceId: {name: 'recurrenceId', in: 'path', required: true, schema: fieldSchema(opaqueId)},
        userId: {name: 'userId', in: 'path', required: true, description: 'The Mattermost user id.', schema: fieldSchema(userId)},
        source: {name: 'source', in: 'path', required: true, description: 'The business system the reference belongs to, e.g. billing.', schema: fieldSchema(externalSource)},
        externalId: {name: 'externalId', in: 'path', required: true, description: 'The business system’s own id of the task, e.g. INV-2026-0142.', schema: fieldSchema(externalId)},
        position: {name: 'position', in: 'path', required: true, description: 'The step’s position in the run, from 0.', schema: fieldSchema(runStepParams.shape.position)},
        tokenId: {name: 'tokenId', in: 'path', required: true, description: 'The API token’s id (the part after `baton_`).', schema: fieldSchema(opaqueId)},
        intakeId: {name: 'intakeId', in: 'path', required: true, description: 'The web intake’s id (not its token).', schema: fieldSchema(opaqueId)},
        webhookId: {name: 'webhookId', in: 'path', required: true, description: 'The webhook subscription’s id.', schema: fieldSchema(opaqueId)},
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: false,
          description: 'The task version you last read, in quotes (the ETag of GET). Either this or `version` in the body; if both, they must agree.',
          schema: {type: 'string', pattern: '^"[1-9][0-9]{0,9}"$'},
        },
      },
      headers: {
        ETag: {description: 'The task version in quotes, e.g. "3"; send it back as If-Match.', schema: {type: 'string'}},
      },
      responses: Object.fromEntries(
        Object.values(errorResponses).map(({name, description}) => [name, {description, content: {'application/json': {schema: ref('schemas', 'ApiError')}}}]),
      ),
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A bridge session (12 h) from `/task connect`: its CommandResponse props carry baton_url, baton_token and baton_expires_at. ' +
            'Or an API token `baton_<id>_<secret>` from POST /api/v1/admin/tokens, limited to its scopes and channels; it cannot reach /api/v1/me/*, /api/v1/stream or the admin routes.',
        },
      },
    },
  };
}

function operation(spec: OperationSpec): JsonObject {
  const parameters = [
    ...pathParameterNames(spec.path).map((name) => ref('parameters', name)),
    ...(spec.ifMatch ? [ref('parameters', 'IfMatch')] : []),
    ...(spec.query ? queryParameters(spec.query) : []),
  ];
  // Every operation is rate-limited per caller (429) and may find the bridge not ready (503); a body may be too large (413).
  const always: ErrorStatus[] = [...(spec.body ? [413 as const] : []), 429, 503];
  const errors = [...spec.errors, ...always].map((status: ErrorStatus) => [status, ref('responses', errorResponses[status].name)]);
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? {description: spec.description} : {}),
    tags: ['tasks'],
    ...(parameters.length > 0 ? {parameters} : {}),
    ...(spec.body ? {requestBody: {required: true, content: {'application/json': {schema: ref('schemas', spec.body)}}}} : {}),
    responses: {
      [spec.success.status]: successResponse(spec),
      ...(spec.success.created ? {201: {...successResponse(spec), description: spec.success.created}} : {}),
      ...Object.fromEntries(errors),
    },
  };
}

function successResponse({success, operationId}: OperationSpec): JsonObject {
  const content: JsonObject = {};
  if (success.body) content['application/json'] = {schema: ref('schemas', success.body)};
  // The task export, and operations whose spec names `csv`, also answer as CSV.
  if (operationId === 'exportTasks') content['text/csv'] = {schema: {type: 'string', description: 'One row per task, a header row first (UTF-8).'}};
  if (success.csv) content['text/csv'] = {schema: {type: 'string', description: success.csv}};
  if (success.eventStream) content['text/event-stream'] = {schema: {type: 'string', description: success.eventStream}};
  return {
    description: success.description,
    ...(success.etag ? {headers: {ETag: ref('headers', 'ETag')}} : {}),
    ...(Object.keys(content).length > 0 ? {content} : {}),
  };
}

const PATH_PARAMETERS = new Set(['idOrKey', 'commentId', 'channelId', 'templateRef', 'runId', 'recurrenceId', 'userId', 'source', 'externalId', 'position', 'tokenId', 'intakeId', 'webhookId']);

function pathParameterNames(path: string): string[] {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  const unknown = names.filter((name) => !PATH_PARAMETERS.has(name));
  if (unknown.length > 0) throw new Error(`openapi: path ${path} uses undescribed parameters: ${unknown.join(', ')}`);
  return names;
}

/** Query strings are described as clients write them: the input side of each schema (text, defaults). */
function queryParameters(schema: z.ZodType): JsonObject[] {
  const json = z.toJSONSchema(schema, {io: 'input'});
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const {description, ...rest} = typeof property === 'object' ? property : {};
    return {name, in: 'query', required: required.has(name), ...(description ? {description} : {}), schema: rest};
  });
}

function fieldSchema(schema: z.ZodType): JsonSchema {
  const {$schema: _dialect, ...rest} = z.toJSONSchema(schema, {io: 'input'});
  return rest;
}

/**
 * One registry per direction: request bodies as clients send them (defaults
 * optional), responses as the bridge sends them. A schema registered under a
 * name is referenced by $ref wherever another component uses it.
 */
function componentSchemas(components: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{id: string}>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, {id});
  const {schemas} = z.toJSONSchema(registry, {io, uri: (id) => `#/components/schemas/${id}`});
  if ('__shared' in schemas) throw new Error('openapi: a schema used by several components is recursive; give it a name in openapiOperations.ts');
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, asComponent(schema, io)]));
}

/**
 * zod writes each registry entry as a standalone document ($schema, $id);
 * inside an OpenAPI document they are plain components. Responses lose
 * `additionalProperties: false`: v1 may gain fields, and the webapp ignores
 * fields it does not know.
 */
function asComponent(schema: JsonSchema, io: 'input' | 'output'): JsonSchema {
  const {$schema: _dialect, $id: _id, ...rest} = schema;
  return io === 'output' ? (withoutClosedObjects(rest) as JsonSchema) : rest;
}

function withoutClosedObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutClosedObjects);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, child]) => !(key === 'additionalProperties' && child === false))
      .map(([key, child]) => [key, withoutClosedObjects(child)]),
  );
}

/** Serves the document at GET /api/v1/openapi.json, without authentication: it describes, it grants nothing. */
export function registerOpenApiRoute(server: FastifyInstance, options: OpenApiOptions = {}): void {
  const document = buildOpenApiDocument(options);
  server.get(OPENAPI_PATH, async () => document);
}
