import {Writable} from 'node:stream';
import {errors} from '../errors';
import {createLogger} from '../logging/logger';
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
    expect(response.json()).toMatchObject({id: 'baton.bad_request.body_too_large'});
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
});
