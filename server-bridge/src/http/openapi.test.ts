import {createLogger} from '../logging/logger';
import {buildOpenApiDocument, registerOpenApiRoute} from './openapi';
import {registerAuthenticatedRoutes} from './requireCaller';
import {buildHttpServer} from './server';

const document = buildOpenApiDocument({version: '0.3.0'});

/** Follows a local JSON pointer such as #/components/schemas/Task. */
function resolve(pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const part of pointer.slice(2).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
}

type Operation = {operationId: string; parameters?: Array<{$ref?: string; name?: string; in?: string}>; responses: Record<string, unknown>; security?: unknown[]};
const operation = (path: string, method: string) => document.paths[path]?.[method] as Operation | undefined;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and survives a JSON round trip unchanged', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('0.3.0');
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it.each([
    ['post', '/api/v1/tasks'],
    ['get', '/api/v1/tasks'],
    ['get', '/api/v1/tasks/export'],
    ['get', '/api/v1/tasks/{idOrKey}'],
    ['patch', '/api/v1/tasks/{idOrKey}'],
    ['post', '/api/v1/tasks/{idOrKey}/handoff'],
    ['post', '/api/v1/tasks/{idOrKey}/transition'],
    ['get', '/api/v1/tasks/{idOrKey}/comments'],
    ['post', '/api/v1/tasks/{idOrKey}/comments'],
    ['patch', '/api/v1/tasks/{idOrKey}/comments/{commentId}'],
    ['delete', '/api/v1/tasks/{idOrKey}/comments/{commentId}'],
    ['put', '/api/v1/tasks/{idOrKey}/watch'],
    ['delete', '/api/v1/tasks/{idOrKey}/watch'],
    ['get', '/api/v1/tasks/{idOrKey}/timeline'],
    ['get', '/api/v1/openapi.json'],
  ])('describes %s %s', (method, path) => {
    expect(operation(path, method)).toMatchObject({operationId: expect.any(String), responses: expect.any(Object)});
  });

  it('resolves every $ref', () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter((pointer) => resolve(pointer) === undefined)).toEqual([]);
  });

  it('has the contract’s components, as plain schemas', () => {
    for (const name of ['Task', 'TaskCreate', 'TaskPatch', 'Handoff', 'Transition', 'Comment', 'CommentCreate', 'TimelineEvent', 'TaskListPage', 'CommentPage', 'TimelinePage', 'ApiError']) {
      const schema = document.components.schemas[name];
      expect(schema).toMatchObject({type: 'object'});
      expect(schema).not.toHaveProperty('$id');
      expect(schema).not.toHaveProperty('$schema');
    }
    expect(document.components.schemas).not.toHaveProperty('__shared');
  });

  it('requires version (and every other field) in Task, and refers to the event from the timeline page', () => {
    const task = document.components.schemas.Task as {required: string[]; properties: Record<string, unknown>};
    expect(task.required).toContain('version');
    expect(task.required).toEqual(Object.keys(task.properties));
    expect(resolve('#/components/schemas/TimelinePage/properties/items/items')).toEqual({$ref: '#/components/schemas/TimelineEvent'});
  });

  it('describes request bodies as clients send them: defaults optional, unknown fields refused', () => {
    const create = document.components.schemas.TaskCreate as {required: string[]; additionalProperties: boolean; properties: Record<string, {default?: unknown}>};
    expect(create.required).toEqual(['title']);
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.priority?.default).toBe('normal');
    expect(resolve('#/components/schemas/TaskCreate/properties/deadlines/items')).toEqual({$ref: '#/components/schemas/DeadlineInput'});
  });

  it('uses bearer authentication everywhere but on the document itself', () => {
    expect(document.components.securitySchemes.bridgeSession).toMatchObject({type: 'http', scheme: 'bearer'});
    expect(document.security).toEqual([{bridgeSession: []}]);
    expect(operation('/api/v1/openapi.json', 'get')?.security).toEqual([]);
  });

  it('answers errors with ApiError: 400/401/403/404/409 on a patch, which also takes If-Match', () => {
    const patch = operation('/api/v1/tasks/{idOrKey}', 'patch');
    for (const status of ['400', '401', '403', '404', '409']) {
      const response = resolve((patch?.responses[status] as {$ref: string}).$ref);
      expect(response).toMatchObject({content: {'application/json': {schema: {$ref: '#/components/schemas/ApiError'}}}});
    }
    expect(patch?.parameters).toContainEqual({$ref: '#/components/parameters/IfMatch'});
    expect(resolve('#/components/parameters/IfMatch')).toMatchObject({name: 'If-Match', in: 'header'});
  });

  it('lists query parameters with their coercion rules and defaults', () => {
    const timeline = operation('/api/v1/tasks/{idOrKey}/timeline', 'get');
    const limit = timeline?.parameters?.find((parameter) => parameter.name === 'limit');
    expect(limit).toEqual({name: 'limit', in: 'query', required: false, schema: {default: 50, type: 'integer', minimum: 1, maximum: 200}});
    expect(timeline?.parameters?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['limit', 'cursor']));
    const exportQuery = operation('/api/v1/tasks/export', 'get');
    expect(exportQuery?.parameters).toContainEqual(expect.objectContaining({name: 'format', required: true, schema: {type: 'string', enum: ['csv', 'json']}}));
    expect(exportQuery?.responses['200']).toMatchObject({content: {'text/csv': expect.any(Object), 'application/json': expect.any(Object)}});
  });

  it('gives every operation a unique id and declares every path parameter', () => {
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((op) => (op as Operation).operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, methods] of Object.entries(document.paths)) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      for (const op of Object.values(methods) as Operation[]) {
        const declared = (op.parameters ?? []).map((parameter) => (parameter.$ref ? resolve(parameter.$ref) : parameter) as {name: string; in: string}).filter((parameter) => parameter.in === 'path');
        expect(declared.map((parameter) => parameter.name)).toEqual(inPath);
      }
    }
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is served without authentication next to routes that need it', async () => {
    const server = buildHttpServer({
      logger: createLogger('silent'),
      isStarted: () => true,
      readiness: {check: async () => ({engine: 'embedded'})},
      routes: [
        (http) => registerOpenApiRoute(http, {version: '0.3.0'}),
        (http) => registerAuthenticatedRoutes(http, async () => ({ok: false, reason: 'malformed'}), (api) => api.get('/api/v1/tasks', async () => ({}))),
      ],
    });
    const response = await server.inject({url: '/api/v1/openapi.json'});
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(document)));
    expect((await server.inject({url: '/api/v1/tasks'})).statusCode).toBe(401);
  });
});
