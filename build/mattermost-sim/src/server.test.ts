import {startSimulator, type RunningSimulator} from './index';

describe('the simulator HTTP shell', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());

  it('answers ping with the version in X-Version-Id, like Mattermost', async () => {
    const response = await fetch(`${sim.url}/api/v4/system/ping`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({status: 'OK'});
    expect(response.headers.get('x-version-id')).toMatch(/^11\.1\.0\./);
  });

  it('answers an unimplemented /api/v4 route with 501 naming it, in the Mattermost error shape', async () => {
    const response = await fetch(`${sim.url}/api/v4/emoji/autocomplete?name=x`);
    expect(response.status).toBe(501);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({id: 'sim.not_implemented', status_code: 501, message: 'The Mattermost simulator does not implement GET /api/v4/emoji/autocomplete.'});
    expect(Object.keys(body).sort()).toEqual(['detailed_error', 'id', 'message', 'request_id', 'status_code']);
    expect(body.request_id).toBe(response.headers.get('x-request-id'));
  });

  it('sets SiteURL to its own URL by default', () => {
    expect(sim.ctx.config.ServiceSettings.SiteURL).toBe(sim.url);
  });
});
