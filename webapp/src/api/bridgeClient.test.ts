import * as z from 'zod';

import {createFakeFetch} from '../testing/fakeFetch';
import {bridgeUrl, errorBody, taskFixture} from '../testing/fixtures';

import {createBridgeClient} from './bridgeClient';
import type {BridgeSession, SessionSource} from './bridgeClient';
import {BridgeError, BridgeNetworkError, BridgeResponseError} from './bridgeErrors';
import {expectedVersion, taskSchema} from './contract';

const taskUrl = `${bridgeUrl}/api/v1/tasks/PAT-12`;

/** A session source that hands out token-1, then token-2, ... and records what the client asked. */
function scriptedSessions() {
  let issued = 0;
  const issue = (): BridgeSession => ({url: bridgeUrl, token: `token-${++issued}`, expiresAt: new Date(Date.now() + 3_600_000)});
  let current = issue();
  const calls: string[] = [];
  const source: SessionSource = {
    current: async () => {
      calls.push('current');
      return current;
    },
    renew: async (stale) => {
      calls.push(`renew ${stale.token}`);
      current = issue();
      return current;
    },
    rejected: (session) => {
      calls.push(`rejected ${session.token}`);
    },
  };
  return {source, calls};
}

function setup() {
  const fake = createFakeFetch();
  const sessions = scriptedSessions();
  const client = createBridgeClient({fetch: fake.fetch, session: sessions.source});
  return {fake, sessions, client};
}

describe('bridge client: answers', () => {
  it('sends the bearer token to the session URL and returns the body parsed by the schema', async () => {
    const {fake, client} = setup();
    const task = taskFixture();
    fake.on('GET', taskUrl, {json: task, headers: {etag: '"3"'}});

    const result = await client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema});

    expect(result).toEqual(task);
    expect(fake.requests).toEqual([{
      url: taskUrl,
      method: 'GET',
      headers: {'Accept': 'application/json', 'Authorization': 'Bearer token-1'},
      body: undefined,
      credentials: 'omit',
    }]);
  });

  it('returns what the schema makes of the body (its output, not the raw JSON)', async () => {
    const {fake, client} = setup();
    fake.on('GET', `${bridgeUrl}/n`, {json: {n: '42'}});
    await expect(client.request('GET', '/n', {schema: z.object({n: z.coerce.number()})})).resolves.toEqual({n: 42});
  });

  it('refuses a body that breaks the contract, naming the field', async () => {
    const {fake, client} = setup();
    fake.on('GET', taskUrl, {json: {...taskFixture(), key: 'not a key', version: 0}});

    const error = await client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BridgeResponseError);
    expect((error as BridgeResponseError).fields).toEqual(['key', 'version']);
    expect((error as Error).message).toMatch(/^GET \/api\/v1\/tasks\/PAT-12: unexpected response: key: .*; version: /);
  });

  it('refuses a 2xx body that is not JSON', async () => {
    const {fake, client} = setup();
    fake.on('GET', taskUrl, {text: '<html>proxy login</html>'});
    await expect(client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema})).rejects.toMatchObject({name: 'BridgeResponseError', fields: ['response']});
  });
});

describe('bridge client: what it sends', () => {
  it('sends a body as JSON and the version as If-Match in the form the bridge reads', async () => {
    const {fake, client} = setup();
    fake.on('PATCH', taskUrl, {json: taskFixture({version: 8})});

    await client.request('PATCH', '/api/v1/tasks/PAT-12', {schema: taskSchema, body: {title: '更新'}, ifMatch: 7});

    const [sent] = fake.requests;
    expect(sent?.headers).toMatchObject({'Content-Type': 'application/json', 'If-Match': '"7"'});
    expect(sent?.body).toEqual({title: '更新'});
    // The bridge's own reading of the header (http/routes/tasks.ts versionOf).
    expect(expectedVersion(undefined, sent?.headers['If-Match'], true)).toEqual({ok: true, version: 7});
  });

  it('sends no If-Match or Content-Type when not asked to', async () => {
    const {fake, client} = setup();
    fake.on('GET', taskUrl, {json: taskFixture()});
    await client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema});
    expect(Object.keys(fake.requests[0]?.headers ?? {}).sort()).toEqual(['Accept', 'Authorization']);
  });

  it('appends the query string', async () => {
    const {fake, client} = setup();
    fake.on('GET', `${bridgeUrl}/api/v1/tasks?q=%E7%89%B9%E8%A8%B1&limit=5`, {json: {items: [], nextCursor: null}});
    const page = await client.request('GET', '/api/v1/tasks', {schema: z.object({items: z.array(z.unknown()), nextCursor: z.null()}), query: new URLSearchParams({q: '特許', limit: '5'})});
    expect(page).toEqual({items: [], nextCursor: null});
  });
});

describe('bridge client: failures', () => {
  it('maps a validation error body to a BridgeError naming the field', async () => {
    const {fake, client} = setup();
    fake.on('PATCH', taskUrl, {status: 400, json: errorBody(400, 'baton.bad_request.validation', 'title: must be 1–200 characters', {
      field: 'title',
      issues: [{field: 'title', message: 'must be 1–200 characters'}],
    })});

    const error = await client.request('PATCH', '/api/v1/tasks/PAT-12', {schema: taskSchema, body: {title: ''}}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({status: 400, id: 'baton.bad_request.validation', field: 'title', message: 'title: must be 1–200 characters', requestId: 'req-1'});
  });

  it('takes the field from the first issue when details name none, and keeps the other details', async () => {
    const {fake, client} = setup();
    const current = taskFixture({version: 9});
    fake.on('PATCH', taskUrl, {status: 409, json: errorBody(409, 'baton.conflict.stale_version', 'The task changed.', {current})});
    fake.on('POST', `${bridgeUrl}/api/v1/tasks`, {status: 400, json: errorBody(400, 'baton.bad_request.validation', 'deadlines.0.due: must be a date', {
      issues: [{field: 'deadlines.0.due', message: 'must be a date'}],
    })});

    await expect(client.request('PATCH', '/api/v1/tasks/PAT-12', {schema: taskSchema, ifMatch: 3})).rejects.toMatchObject({
      status: 409, id: 'baton.conflict.stale_version', field: null, details: {current},
    });
    await expect(client.request('POST', '/api/v1/tasks', {schema: taskSchema, body: {}})).rejects.toMatchObject({field: 'deadlines.0.due'});
  });

  it('keeps the status of an error that is not a Baton error body (a proxy page)', async () => {
    const {fake, client} = setup();
    fake.on('GET', taskUrl, {status: 502, text: '<html>Bad Gateway</html>', headers: {'x-request-id': 'proxy-9'}});
    await expect(client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema})).rejects.toMatchObject({
      name: 'BridgeError', status: 502, id: null, message: '502 Bad Gateway', requestId: 'proxy-9',
    });
  });

  it('reports an unreachable bridge as a network error, not as an answer', async () => {
    const {fake, client} = setup();
    const cause = new TypeError('Failed to fetch');
    fake.on('GET', taskUrl, {networkError: cause});

    const error = await client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BridgeNetworkError);
    expect(error).not.toBeInstanceOf(BridgeError);
    expect((error as Error).cause).toBe(cause);
  });

  it('passes the caller’s own abort through unchanged', async () => {
    const {client} = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema, signal: controller.signal})).rejects.toMatchObject({name: 'AbortError'});
  });
});

describe('bridge client: 401', () => {
  const unauthorized = {status: 401, json: errorBody(401, 'baton.unauthorized', 'The Baton session has expired.', {reason: 'expired'})};

  it('renews the session once and retries with the new token', async () => {
    const {fake, sessions, client} = setup();
    fake.on('GET', taskUrl, unauthorized, {json: taskFixture()});

    await expect(client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema})).resolves.toMatchObject({key: 'PAT-12'});

    expect(fake.requests.map((request) => request.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(sessions.calls).toEqual(['current', 'renew token-1']);
  });

  it('gives up after one renewal, telling the session source', async () => {
    const {fake, sessions, client} = setup();
    fake.on('GET', taskUrl, unauthorized);

    await expect(client.request('GET', '/api/v1/tasks/PAT-12', {schema: taskSchema})).rejects.toMatchObject({status: 401, id: 'baton.unauthorized'});

    expect(fake.requests).toHaveLength(2);
    expect(sessions.calls).toEqual(['current', 'renew token-1', 'rejected token-2']);
  });
});
