import type {FastifyInstance} from 'fastify';
import {createLogger} from '../logging/logger';
import {issueSessionToken, verifySessionToken} from './bridgeSession';
import {callerOf, registerAuthenticatedRoutes} from './requireCaller';
import {buildHttpServer} from './server';

const key = new Uint8Array(32).fill(3);
const otherKey = new Uint8Array(32).fill(4);
const userId = 'satouserid0000000000000000';

// The real hook against the real token functions; only the clock is fixed.
function server(now = new Date()): FastifyInstance {
  return buildHttpServer({
    logger: createLogger('silent'),
    isStarted: () => true,
    readiness: {check: async () => ({engine: 'embedded'})},
    routes: [
      (http) => {
        http.get('/open', async (request) => ({caller: request.caller}));
        registerAuthenticatedRoutes(http, (token) => verifySessionToken(key, token, now), (api) => {
          api.get('/api/v1/me', async (request) => callerOf(request));
          api.post('/api/v1/echo', async (request) => ({caller: callerOf(request), body: request.body}));
        });
      },
    ],
  });
}

const bearer = (token: string) => ({authorization: `Bearer ${token}`});

describe('requireCaller', () => {
  it('sets the caller from a valid bearer token', async () => {
    const {token} = await issueSessionToken(key, {userId, guest: true});
    const response = await server().inject({url: '/api/v1/me', headers: bearer(token)});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({userId, guest: true});
  });

  it('answers 401 missing without an Authorization header', async () => {
    const response = await server().inject({url: '/api/v1/me'});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({id: 'baton.unauthorized', status: 401, details: {reason: 'missing'}});
    expect(response.headers['www-authenticate']).toBe('Bearer realm="baton"');
  });

  it('ignores a token in the query string', async () => {
    const {token} = await issueSessionToken(key, {userId, guest: false});
    for (const name of ['token', 'access_token', 'baton_token']) {
      const response = await server().inject({url: `/api/v1/me?${name}=${token}`});
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({details: {reason: 'missing'}});
    }
  });

  it('answers 401 expired for an expired token', async () => {
    const issuedAt = new Date('2025-03-31T00:00:00Z');
    const {token} = await issueSessionToken(key, {userId, guest: false}, issuedAt);
    const response = await server(new Date('2025-03-31T13:00:00Z')).inject({url: '/api/v1/me', headers: bearer(token)});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({id: 'baton.unauthorized', details: {reason: 'expired'}});
    expect(response.headers['www-authenticate']).toBe('Bearer realm="baton", error="invalid_token"');
  });

  it('answers 401 bad_signature for a tampered token or one signed with another key', async () => {
    const {token} = await issueSessionToken(key, {userId, guest: true});
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({...claims, guest: false})).toString('base64url');
    const tampered = await server().inject({url: '/api/v1/me', headers: bearer(`${header}.${promoted}.${signature}`)});
    expect(tampered.json()).toMatchObject({details: {reason: 'bad_signature'}});
    const {token: foreign} = await issueSessionToken(otherKey, {userId, guest: false});
    const wrongKey = await server().inject({url: '/api/v1/me', headers: bearer(foreign)});
    expect(wrongKey.statusCode).toBe(401);
    expect(wrongKey.json()).toMatchObject({details: {reason: 'bad_signature'}});
  });

  it('answers 401 missing for another scheme and malformed for garbage', async () => {
    expect((await server().inject({url: '/api/v1/me', headers: {authorization: 'Token abc'}})).json()).toMatchObject({details: {reason: 'missing'}});
    expect((await server().inject({url: '/api/v1/me', headers: bearer('abc.def.ghi')})).json()).toMatchObject({details: {reason: 'malformed'}});
  });

  it('refuses before the body is read', async () => {
    const response = await server().inject({method: 'POST', url: '/api/v1/echo', headers: {'content-type': 'application/json'}, payload: '{"not json'});
    expect(response.statusCode).toBe(401);
  });

  it('leaves routes outside the scope alone, with no caller', async () => {
    const response = await server().inject({url: '/open'});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({caller: null});
  });
});
