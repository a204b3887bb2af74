import {Writable} from 'node:stream';
import {errors} from '../errors';
import {createLogger} from '../logging/logger';
import {registerAuthenticatedRoutes} from './requireCaller';
import {MattermostRequestError, MattermostUnreachableError} from '../mattermost/rest';
import {buildHttpServer} from './server';

function capturedLogs() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return {lines, logger: createLogger('info', stream)};
}

function serverWith(options: {started?: boolean; ready?: boolean} = {}) {
  const {lines, logger} = capturedLogs();
  const server = buildHttpServer({
    logger,
    isStarted: () => options.started ?? true,
    readiness: {
      check: async () => {
        if (options.ready === false) throw new Error('migrations pending: 0002_tasks');
        return {engine: 'embedded'};
      },
    },
  });
  return {server, logs: lines};
}

describe('the bridge HTTP server', () => {
  it('answers /healthz while starting and /readyz with the engine once ready', async () => {
    const {server} = serverWith({started: false, ready: true});
    expect((await server.inject({url: '/healthz'})).json()).toEqual({status: 'ok'});
    const ready = await server.inject({url: '/readyz'});
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({status: 'ready', engine: 'embedded'});
  });

  it('reports not ready with 503 and the reason', async () => {
    const {server} = serverWith({ready: false});
    const response = await server.inject({url: '/readyz'});
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({id: 'baton.not_ready', status: 503, message: 'The bridge is not ready: migrations pending: 0002_tasks'});
  });

  it('answers every other route with 503 until start-up finishes', async () => {
    const {server} = serverWith({started: false});
    const response = await server.inject({url: '/api/v1/tasks'});
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({id: 'baton.not_ready'});
  });

  it('answers an unknown route with 404 naming it', async () => {
    const {server} = serverWith();
    const response = await server.inject({method: 'POST', url: '/nope?x=1'});
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({id: 'baton.route_not_found', message: 'No route POST /nope.'});
  });

  it('keeps a well-formed incoming x-request-id, echoes it, and logs it', async () => {
    const {server, logs} = serverWith();
    const response = await server.inject({url: '/healthz', headers: {'x-request-id': 'mm-abc.123'}});
    expect(response.headers['x-request-id']).toBe('mm-abc.123');
    expect(logs.some((line) => line.request_id === 'mm-abc.123')).toBe(true);
  });

  it('replaces a malformed x-request-id with its own', async () => {
    const {server} = serverWith();
    const response = await server.inject({url: '/healthz', headers: {'x-request-id': 'bad id\twith spaces'}});
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs credentials', async () => {
    const {server, logs} = serverWith();
    server.get('/echo', async (request) => {
      request.log.info({req: request.raw, token: 'tok-secret'}, 'echo');
      return {};
    });
    await server.inject({url: '/echo', headers: {authorization: 'Bearer tok-secret', cookie: 'MMAUTHTOKEN=cookie-secret'}});
    const text = JSON.stringify(logs);
    expect(text).not.toContain('tok-secret');
    expect(text).not.toContain('cookie-secret');
  });

  it('maps a malformed JSON body to 400 naming the body, never 500', async () => {
    const {server} = serverWith();
    server.post('/json', async () => ({}));
    const response = await server.inject({method: 'POST', url: '/json', headers: {'content-type': 'application/json'}, payload: '{"a":'});
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({id: 'baton.bad_request.body', details: {field: 'body', allowed: 'a JSON document'}});
  });

  // Found by the fuzz test (issue 9): the router answered these in Fastify's own shape, repeating the whole path.
  it('answers a malformed %-escape or an over-long path part in the bridge’s error shape, naming the URL', async () => {
    const {server} = serverWith();
    server.get('/tasks/:idOrKey', async () => ({}));
    const malformed = await server.inject({url: '/tasks/%E0%A4%A'});
    expect([malformed.statusCode, malformed.json()]).toEqual([400, expect.objectContaining({id: 'baton.bad_request.url', message: 'The path has a malformed %-escape.', details: expect.objectContaining({field: 'url'})})]);
    expect(malformed.headers['x-request-id']).toBe(malformed.json().request_id);
    const long = await server.inject({url: `/tasks/${'x'.repeat(5_000)}`});
    expect([long.statusCode, long.json()]).toEqual([414, expect.objectContaining({id: 'baton.bad_request.url', message: 'A part of the path is too long.', details: expect.objectContaining({field: 'url'})})]);
  });

  it('maps an unsupported content type to 415', async () => {
    const {server} = serverWith();
    server.post('/json', async () => ({}));
    const response = await server.inject({method: 'POST', url: '/json', headers: {'content-type': 'application/xml'}, payload: '<a/>'});
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({id: 'baton.bad_request.media_type'});
  });

  it('rejects a body over 1 MiB with 413', async () => {
    const {server} = serverWith();
    server.post('/json', async () => ({}));
    const payload = JSON.stringify({text: 'x'.repeat(1024 * 1024)});
    const response = await server.inject({method: 'POST', url: '/json', headers: {'content-type': 'application/json'}, payload});
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({id: 'baton.payload_too_large', details: {field: 'body', allowed: 'at most 1048576 bytes'}});
  });

  it('passes AppErrors through with their status, id and details', async () => {
    const {server} = serverWith();
    server.get('/bad', async () => {
      throw errors.badRequest('title', 'title is too long', {field: 'body.title', allowed: '1–200 characters'});
    });
    const response = await server.inject({url: '/bad'});
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      id: 'baton.bad_request.title',
      message: 'title is too long',
      status: 400,
      details: {field: 'body.title', allowed: '1–200 characters'},
      request_id: response.headers['x-request-id'],
    });
  });

  it('hides the details of unexpected errors behind a logged 500', async () => {
    const {server, logs} = serverWith();
    server.get('/boom', async () => {
      throw new Error('connection string postgres://x:y@z');
    });
    const response = await server.inject({url: '/boom'});
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({id: 'baton.internal'});
    expect(response.body).not.toContain('postgres://');
    expect(logs.some((line) => line.msg === 'request failed')).toBe(true);
  });
  it('answers 503 with Retry-After when Mattermost does not answer a question the request needs, with a warning and no stack', async () => {
    const {server, logs} = serverWith();
    server.get('/down', async () => {
      throw new MattermostUnreachableError('Mattermost did not answer GET /users/x: ECONNREFUSED');
    });
    server.get('/busy', async () => {
      throw new MattermostRequestError(503, 'GET /channels/c/members/u', 'api.context.server_busy.app_error');
    });
    for (const url of ['/down', '/busy']) {
      const response = await server.inject({url});
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({id: 'baton.not_ready.mattermost'});
    }
    expect(logs.filter((line) => line.msg === 'request refused')).toHaveLength(2);
    expect(logs.some((line) => line.msg === 'request failed')).toBe(false);
  });

  it('keeps a refusal of Mattermost’s own (a 4xx) a bug of ours: a logged 500', async () => {
    const {server, logs} = serverWith();
    server.get('/forbidden', async () => {
      throw new MattermostRequestError(403, 'GET /channels/c', 'api.context.permissions.app_error');
    });
    expect((await server.inject({url: '/forbidden'})).statusCode).toBe(500);
    expect(logs.some((line) => line.msg === 'request failed')).toBe(true);
  });
});

describe('CORS for the webapp on Mattermost’s pages', () => {
  const siteOrigin = 'https://chat.example.com';
  function corsServer(siteUrl: string | undefined) {
    const server = buildHttpServer({
      logger: createLogger('silent'),
      isStarted: () => true,
      readiness: {check: async () => ({engine: 'embedded'})},
      // A SiteURL with a path: only its origin counts.
      allowedOrigin: async () => siteUrl,
      routes: [
        (http) => http.get('/api/v1/things', async (_request, reply) => reply.header('etag', '"3"').send({ok: true})),
        (http) => registerAuthenticatedRoutes(http, async () => ({ok: false, reason: 'expired'}), (api) => api.get('/api/v1/private', async () => ({}))),
      ],
    });
    return server;
  }
  const corsHeaders = (headers: Record<string, unknown>) => Object.keys(headers).filter((name) => name.startsWith('access-control-'));

  it('lets the SiteURL’s origin read /api/v1 responses and their ETag', async () => {
    const response = await corsServer(`${siteOrigin}/mattermost`).inject({url: '/api/v1/things', headers: {origin: siteOrigin}});
    expect(response.headers['access-control-allow-origin']).toBe(siteOrigin);
    expect(response.headers['access-control-expose-headers']).toBe('ETag');
    expect(response.headers.vary).toContain('Origin');
  });

  it('gives any other origin no CORS headers at all', async () => {
    const server = corsServer(siteOrigin);
    for (const origin of ['https://evil.example.com', 'http://chat.example.com', 'https://chat.example.com.evil.example']) {
      const response = await server.inject({url: '/api/v1/things', headers: {origin}});
      expect([origin, corsHeaders(response.headers)]).toEqual([origin, []]);
    }
  });

  it('answers the preflight of a PATCH with If-Match, and refuses another origin’s', async () => {
    const server = corsServer(siteOrigin);
    const preflight = (origin: string) =>
      server.inject({
        method: 'OPTIONS',
        url: '/api/v1/tasks/PAT-1',
        headers: {origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,content-type,if-match'},
      });
    const allowed = await preflight(siteOrigin);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(siteOrigin);
    expect(String(allowed.headers['access-control-allow-methods']).split(/, */)).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
    expect(allowed.headers['access-control-allow-headers']).toBe('Authorization, Content-Type, If-Match');
    const refused = await preflight('https://evil.example.com');
    expect(refused.statusCode).toBe(404);
    expect(corsHeaders(refused.headers)).toEqual([]);
  });

  it('keeps the headers on a 401, so the webapp can see its session expired', async () => {
    const response = await corsServer(siteOrigin).inject({url: '/api/v1/private', headers: {origin: siteOrigin, authorization: 'Bearer old.token'}});
    expect(response.statusCode).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe(siteOrigin);
  });

  it('allows no origin outside /api/v1, nor before setup has recorded the SiteURL', async () => {
    expect(corsHeaders((await corsServer(siteOrigin).inject({url: '/healthz', headers: {origin: siteOrigin}})).headers)).toEqual([]);
    expect(corsHeaders((await corsServer(undefined).inject({url: '/api/v1/things', headers: {origin: siteOrigin}})).headers)).toEqual([]);
  });
});
