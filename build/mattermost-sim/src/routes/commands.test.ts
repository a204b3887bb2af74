import {startIntegrationWorld, type IntegrationWorld} from './integrationWorld';

// POST/GET/PUT/DELETE /api/v4/commands… as api4/command.go and
// model/command.go define them.

const validCommand = (world: IntegrationWorld, overrides: Record<string, unknown> = {}) => ({
  team_id: world.team.id,
  trigger: 'task',
  method: 'P',
  url: `${world.integration.origin}/mattermost/command`,
  display_name: 'Baton',
  description: 'Task handoffs',
  auto_complete: true,
  auto_complete_desc: 'Manage tasks',
  auto_complete_hint: '[add|list]',
  ...overrides,
});

describe('custom slash command management', () => {
  let world: IntegrationWorld;
  beforeEach(async () => {
    world = await startIntegrationWorld({ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1'}});
  });
  afterEach(() => world.stop());

  it('creates a command for a team admin: 201, 26-character token, lower-cased trigger, creator set, plugin_id empty', async () => {
    const {status, body} = await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world, {trigger: 'Task'}));
    expect(status).toBe(201);
    expect(body).toMatchObject({trigger: 'task', creator_id: world.teamAdmin.id, team_id: world.team.id, method: 'P', delete_at: 0, plugin_id: ''});
    const command = body as {id: string; token: string; create_at: number; update_at: number};
    expect(command.token).toMatch(/^[a-z0-9]{26}$/);
    expect(command.id).toMatch(/^[a-z0-9]{26}$/);
    expect(command.create_at).toBeGreaterThan(0);
    expect(command.update_at).toBe(command.create_at);
    expect(world.sim.ctx.store.commands.get(command.id)?.token).toBe(command.token);
  });

  it('lets a system admin create one too, but not a plain team member (team_user lacks manage_own_slash_commands)', async () => {
    expect((await world.api(world.admin, 'POST', '/api/v4/commands', validCommand(world))).status).toBe(201);
    const denied = await world.api(world.member, 'POST', '/api/v4/commands', validCommand(world, {trigger: 'other'}));
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({id: 'api.context.permissions.app_error', message: 'You do not have the appropriate permissions.'});
  });

  it('refuses a missing session with 401', async () => {
    const {status, body} = await world.api(null, 'POST', '/api/v4/commands', validCommand(world));
    expect(status).toBe(401);
    expect(body).toMatchObject({id: 'api.context.session_expired.app_error'});
  });

  it.each([
    ['an empty trigger', {trigger: ''}, 'model.command.is_valid.trigger.app_error', 'Invalid trigger.'],
    ['a leading slash', {trigger: '/task'}, 'model.command.is_valid.trigger.app_error', 'Invalid trigger.'],
    ['a space', {trigger: 'my task'}, 'model.command.is_valid.trigger.app_error', 'Invalid trigger.'],
    ['129 bytes of trigger', {trigger: 'x'.repeat(129)}, 'model.command.is_valid.trigger.app_error', 'Invalid trigger.'],
    ['no url', {url: ''}, 'model.command.is_valid.url.app_error', 'Invalid URL.'],
    ['a non-http url', {url: 'ftp://example.com/x'}, 'model.command.is_valid.url_http.app_error', 'Invalid URL. Must be a valid URL and start with http:// or https://.'],
    ['an unknown method', {method: 'X'}, 'model.command.is_valid.method.app_error', 'Invalid Method.'],
    ['a 65-byte display name', {display_name: 'd'.repeat(65)}, 'model.command.is_valid.display_name.app_error', 'Invalid title.'],
    ['a 129-byte description', {description: 'd'.repeat(129)}, 'model.command.is_valid.description.app_error', 'Invalid description.'],
    ['a short token', {token: 'abc'}, 'model.command.is_valid.token.app_error', 'Invalid token.'],
    ['a built-in trigger', {trigger: 'echo'}, 'api.command.duplicate_trigger.app_error', 'This trigger word is already in use. Please choose another word.'],
  ])('refuses %s with 400 %s', async (_what, overrides, id, message) => {
    const {status, body} = await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world, overrides));
    expect(status).toBe(400);
    expect(body).toMatchObject({id, message, status_code: 400});
  });

  it('accepts a 128-byte trigger and keeps a client-chosen 26-character token', async () => {
    const token = 'abcdefghijklmnopqrstuvwxyz';
    const {status, body} = await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world, {trigger: 't'.repeat(128), token}));
    expect(status).toBe(201);
    expect(body).toMatchObject({token});
  });

  it('keeps triggers unique per team among commands that are not deleted', async () => {
    const first = await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world));
    const again = await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world, {trigger: 'TASK'}));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({id: 'api.command.duplicate_trigger.app_error'});
    await world.api(world.teamAdmin, 'DELETE', `/api/v4/commands/${(first.body as {id: string}).id}`);
    expect((await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world))).status).toBe(201);
  });

  it('answers a body that is not a command with the invalid `command` parameter error', async () => {
    const {status, body} = await world.api(world.teamAdmin, 'POST', '/api/v4/commands', {...validCommand(world), auto_complete: 'yes'});
    expect(status).toBe(400);
    expect(body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing command in request body.'});
  });

  it('answers 501 api.command.disabled.app_error when EnableCommands is false', async () => {
    world.sim.ctx.config.ServiceSettings.EnableCommands = false;
    const {status, body} = await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world));
    expect(status).toBe(501);
    expect(body).toMatchObject({id: 'api.command.disabled.app_error', message: 'Commands have been disabled by the system admin.'});
  });

  describe('with a command created by the team admin', () => {
    let command: {id: string; token: string; trigger: string; create_at: number};
    beforeEach(async () => {
      command = (await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world))).body as typeof command;
    });

    it('lists it with custom_only=true for managers, with its token', async () => {
      const {status, body} = await world.api(world.admin, 'GET', `/api/v4/commands?team_id=${world.team.id}&custom_only=true`);
      expect(status).toBe(200);
      expect(body).toEqual([expect.objectContaining({id: command.id, token: command.token, trigger: 'task'})]);
    });

    it('refuses the custom list to a member without manage_own_slash_commands, and asks for team_id', async () => {
      expect((await world.api(world.member, 'GET', `/api/v4/commands?team_id=${world.team.id}&custom_only=true`)).status).toBe(403);
      const missing = await world.api(world.admin, 'GET', '/api/v4/commands?custom_only=true');
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing team_id in request body.'});
    });

    it('gets it by id; hides it (404) from those who may not manage it', async () => {
      expect((await world.api(world.teamAdmin, 'GET', `/api/v4/commands/${command.id}`)).body).toMatchObject({id: command.id, token: command.token});
      const hidden = await world.api(world.member, 'GET', `/api/v4/commands/${command.id}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toMatchObject({id: 'store.sql_command.save.get.app_error', message: 'Unable to get the command.'});
    });

    it('answers a malformed id with 400 and a non-alphanumeric one with the router 404', async () => {
      expect((await world.api(world.teamAdmin, 'GET', '/api/v4/commands/abc')).body).toMatchObject({id: 'api.context.invalid_url_param.app_error', status_code: 400});
      expect((await world.api(world.teamAdmin, 'GET', '/api/v4/commands/bad_id')).body).toMatchObject({id: 'api.context.404.app_error', status_code: 404});
    });

    it('updates it in full, keeping its id, token, creator, team and creation time', async () => {
      const {status, body} = await world.api(world.admin, 'PUT', `/api/v4/commands/${command.id}`, {
        ...validCommand(world, {trigger: 'todo', method: 'G', token: 'x'.repeat(26), creator_id: world.admin.id}),
        id: command.id,
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({id: command.id, trigger: 'todo', method: 'G', token: command.token, creator_id: world.teamAdmin.id, create_at: command.create_at});
    });

    it('refuses an update whose body id differs from the URL, or that moves teams', async () => {
      const otherId = (await world.api(world.teamAdmin, 'POST', '/api/v4/commands', validCommand(world, {trigger: 'other'}))).body as {id: string};
      const mismatch = await world.api(world.teamAdmin, 'PUT', `/api/v4/commands/${command.id}`, {...validCommand(world), id: otherId.id});
      expect(mismatch.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing command in request body.'});
      const moved = await world.api(world.teamAdmin, 'PUT', `/api/v4/commands/${command.id}`, {...validCommand(world), id: command.id, team_id: world.town.id});
      expect(moved.body).toMatchObject({id: 'api.command.team_mismatch.app_error', status_code: 400});
    });

    it('regenerates the token, and nothing else', async () => {
      const {status, body} = await world.api(world.teamAdmin, 'PUT', `/api/v4/commands/${command.id}/regen_token`);
      expect(status).toBe(200);
      const token = (body as {token: string}).token;
      expect(Object.keys(body as object)).toEqual(['token']);
      expect(token).toMatch(/^[a-z0-9]{26}$/);
      expect(token).not.toBe(command.token);
      expect(world.sim.ctx.store.commands.get(command.id)?.token).toBe(token);
    });

    it('deletes it softly: {"status":"OK"}, then not found', async () => {
      const deleted = await world.api(world.teamAdmin, 'DELETE', `/api/v4/commands/${command.id}`);
      expect(deleted).toMatchObject({status: 200, body: {status: 'OK'}});
      expect(world.sim.ctx.store.commands.get(command.id)?.delete_at).toBeGreaterThan(0);
      expect((await world.api(world.teamAdmin, 'GET', `/api/v4/commands/${command.id}`)).status).toBe(404);
    });

    it('refuses deletion to a member (404: existence does not leak)', async () => {
      expect((await world.api(world.member, 'DELETE', `/api/v4/commands/${command.id}`)).status).toBe(404);
      expect(world.sim.ctx.store.commands.get(command.id)?.delete_at).toBe(0);
    });
  });
});
