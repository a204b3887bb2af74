import type {SimConfig} from '../config';
import type {RunningSimulator} from '../index';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../testKit';

describe('config (api4/config.go)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('shows the config to admins only', async () => {
    const asAdmin = await call<SimConfig>(sim, 'GET', '/api/v4/config', {token: org.admin.token});
    expect(asAdmin.body.ServiceSettings).toMatchObject({SiteURL: sim.url, EnableBotAccountCreation: false, EnableUserAccessTokens: false});
    expect((await call(sim, 'GET', '/api/v4/config', {token: org.alice.token})).status).toBe(403);
  });

  it('patches the config with PUT /config/patch, keeping what the patch leaves out', async () => {
    const patched = await call<SimConfig>(sim, 'PUT', '/api/v4/config/patch', {token: org.admin.token, body: {ServiceSettings: {EnableBotAccountCreation: true}}});
    expect(patched.body.ServiceSettings).toMatchObject({EnableBotAccountCreation: true, SiteURL: sim.url});
    expect(sim.ctx.config.ServiceSettings.EnableBotAccountCreation).toBe(true);
  });

  it('replaces the config with PUT /config: omitted settings return to their defaults, and SiteURL may not be cleared', async () => {
    const cleared = await call(sim, 'PUT', '/api/v4/config', {token: org.admin.token, body: {ServiceSettings: {EnableUserAccessTokens: true}}});
    expect(cleared.body).toMatchObject({id: 'api.config.update_config.clear_siteurl.app_error', status_code: 400});
    const replaced = await call<SimConfig>(sim, 'PUT', '/api/v4/config', {token: org.admin.token, body: {ServiceSettings: {SiteURL: sim.url, EnableUserAccessTokens: true}}});
    expect(replaced.body.ServiceSettings).toMatchObject({EnableUserAccessTokens: true, EnableCommands: true, OutgoingIntegrationRequestsTimeout: 30});
    const wrongType = await call(sim, 'PUT', '/api/v4/config', {token: org.admin.token, body: {ServiceSettings: {EnableCommands: 'yes'}}});
    expect(wrongType.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing ServiceSettings.EnableCommands in request body.'});
    expect((await call(sim, 'PUT', '/api/v4/config', {token: org.alice.token, body: {}})).status).toBe(403);
  });

  it('serves the client config as strings: limited when logged out, more when logged in; format=old is required', async () => {
    const limited = await call<Record<string, string>>(sim, 'GET', '/api/v4/config/client?format=old');
    expect(limited.body).toMatchObject({SiteURL: sim.url, Version: '11.1.0', EnableBotAccountCreation: 'false'});
    expect(limited.body).not.toHaveProperty('EnableCommands');
    // config/client.go: PluginsEnabled is in the limited config, DisableAppBar only once logged in.
    expect(limited.body).toMatchObject({PluginsEnabled: 'true'});
    expect(limited.body).not.toHaveProperty('DisableAppBar');
    const full = await call<Record<string, string>>(sim, 'GET', '/api/v4/config/client?format=old', {token: org.alice.token});
    expect(full.body).toMatchObject({EnableCommands: 'true', EnableUserAccessTokens: 'false', EnablePostUsernameOverride: 'false', PluginsEnabled: 'true', DisableAppBar: 'false'});
    expect(Object.values(full.body).every((value) => typeof value === 'string')).toBe(true);
    const noFormat = await call(sim, 'GET', '/api/v4/config/client');
    expect(noFormat.body).toMatchObject({id: 'api.config.client.old_format.app_error', status_code: 501});
  });
});
