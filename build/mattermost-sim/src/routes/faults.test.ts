import type {RunningSimulator} from '../index';
import type {Post} from '../store/entities';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../testKit';
import type {Fault} from './faults';

describe('fault injection: /__sim/faults (not part of Mattermost)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  let clock = 1_000_000;
  beforeEach(async () => {
    sim = await startTestSimulator();
    sim.ctx.now = () => clock;
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  const post = (message: string) => call<Post>(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.general.id, message}});

  it('answers matching /api/v4 requests with the status and Mattermost error JSON until it expires, doing nothing else', async () => {
    const created = await call<Fault>(sim, 'POST', '/__sim/faults', {body: {status: 503, durationMs: 2_000}});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({status: 503, path_prefix: '/api/v4/', method: null, until: clock + 2_000, hits: 0});

    const refused = await post('during the outage');
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({
      id: 'api.context.server_busy.app_error',
      message: 'Server is busy, non-critical services are temporarily unavailable.',
      detailed_error: '',
      request_id: expect.any(String),
      status_code: 503,
    });
    expect(refused.headers.get('x-version-id')).toContain('sim');
    expect([...sim.ctx.store.posts.values()].map((stored) => stored.message)).not.toContain('during the outage');
    expect((await call(sim, 'GET', '/api/v4/system/ping')).status).toBe(503);

    clock += 2_000;
    expect((await post('after the outage')).status).toBe(201);
    expect((await call<Fault[]>(sim, 'GET', '/__sim/faults')).body).toEqual([]);
  });

  it('matches by path prefix and method, counts what it answered, and leaves /__sim alone', async () => {
    await call(sim, 'POST', '/__sim/faults', {body: {status: 502, pathPrefix: '/api/v4/posts', method: 'post', id: 'proxy.bad_gateway', message: 'Bad gateway'}});
    expect((await post('refused')).body).toMatchObject({id: 'proxy.bad_gateway', message: 'Bad gateway', status_code: 502});
    expect((await call(sim, 'GET', `/api/v4/channels/${org.general.id}/posts`, {token: org.alice.token})).status).toBe(200);
    expect((await call(sim, 'GET', '/api/v4/users/me', {token: org.alice.token})).status).toBe(200);
    const [fault] = (await call<Fault[]>(sim, 'GET', '/__sim/faults')).body;
    expect(fault).toMatchObject({status: 502, method: 'POST', until: null, hits: 1});
  });

  it('clears every fault with DELETE, and refuses a fault that is not one', async () => {
    await call(sim, 'POST', '/__sim/faults', {body: {status: 500}});
    await call(sim, 'POST', '/__sim/faults', {body: {status: 429, pathPrefix: '/api/v4/users'}});
    expect((await call(sim, 'DELETE', '/__sim/faults')).body).toEqual({status: 'OK'});
    expect((await post('works again')).status).toBe(201);
    for (const body of [{status: 200}, {status: 503, durationMs: 0}, {status: 503, pathPrefix: '/__sim/'}, {}]) {
      const refused = await call(sim, 'POST', '/__sim/faults', {body});
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({id: 'api.context.invalid_body_param.app_error'});
    }
  });
});
