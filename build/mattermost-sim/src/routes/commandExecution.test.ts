import {jsonReply} from '../outbound/fakeIntegration';
import {startIntegrationWorld, type IntegrationWorld} from './integrationWorld';

// POST /api/v4/commands/execute: the request Mattermost sends to the command
// URL (app/command.go tryExecuteCustomCommand, DoCommandRequest) and what it
// does with the response (HandleCommandResponse).

interface CreatedCommand {
  id: string;
  token: string;
}

async function createTaskCommand(world: IntegrationWorld, overrides: Record<string, unknown> = {}): Promise<CreatedCommand> {
  const {status, body} = await world.api(world.teamAdmin, 'POST', '/api/v4/commands', {
    team_id: world.team.id,
    trigger: 'task',
    method: 'P',
    url: `${world.integration.origin}/mattermost/command`,
    ...overrides,
  });
  if (status !== 201) throw new Error(`command not created: ${JSON.stringify(body)}`);
  return body as CreatedCommand;
}

const execute = (world: IntegrationWorld, command: string, extra: Record<string, unknown> = {}, user = world.member) =>
  world.api(user, 'POST', '/api/v4/commands/execute', {command, channel_id: world.town.id, team_id: world.team.id, ...extra});

const formOf = (body: string) => new URLSearchParams(body);

describe('executing a custom slash command', () => {
  let world: IntegrationWorld;
  let command: CreatedCommand;
  beforeEach(async () => {
    world = await startIntegrationWorld({ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1'}});
    command = await createTaskCommand(world);
  });
  afterEach(() => world.stop());

  it('POSTs the form Mattermost sends, with its headers and keys in url.Values order', async () => {
    await execute(world, '/TASK add  "ship it" ');
    expect(world.integration.received).toHaveLength(1);
    const [sent] = world.integration.received;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('/mattermost/command');
    expect(sent?.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      authorization: `Token ${command.token}`,
      'user-agent': 'Mattermost-Bot/1.1',
    });
    const form = formOf(sent?.body ?? '');
    expect([...form.keys()]).toEqual(['channel_id', 'channel_name', 'command', 'response_url', 'root_id', 'team_domain', 'team_id', 'text', 'token', 'trigger_id', 'user_id', 'user_name']);
    expect(Object.fromEntries(form)).toMatchObject({
      channel_id: world.town.id,
      channel_name: 'town-square',
      command: '/task',
      root_id: '',
      team_domain: 'crew',
      team_id: world.team.id,
      // Everything after the first whitespace, untrimmed.
      text: 'add  "ship it" ',
      token: command.token,
      user_id: world.member.id,
      user_name: 'alice',
    });
    // Spaces as `+`, quotes escaped, as Go's QueryEscape does.
    expect(sent?.body).toContain('text=add++%22ship+it%22+');
  });

  it('sends a signed trigger_id registered until the integration timeout, and a response_url on the SiteURL', async () => {
    const before = world.sim.ctx.now();
    await execute(world, '/task');
    const form = formOf(world.integration.received[0]?.body ?? '');
    const triggerId = form.get('trigger_id') ?? '';
    const [clientId, userId, millis, signature] = Buffer.from(triggerId, 'base64').toString('utf8').split(':');
    expect(clientId).toMatch(/^[a-z0-9]{26}$/);
    expect(userId).toBe(world.member.id);
    expect(Number(millis)).toBeGreaterThanOrEqual(before);
    expect(signature).not.toBe('');
    const registered = world.sim.ctx.store.triggers.get(triggerId);
    expect(registered?.userId).toBe(world.member.id);
    expect(registered?.expiresAt).toBe(Number(millis) + 2000);
    expect(form.get('response_url')).toMatch(new RegExp(`^${world.sim.url}/hooks/commands/[a-z0-9]{26}$`));
  });

  it('lists @mentions of team members and ~mentions of open channels, names and ids in parallel', async () => {
    await execute(world, '/task hand to @Captain and @alice. not @nobody nor @mallory in ~town-square ~secret ~nowhere');
    const form = formOf(world.integration.received[0]?.body ?? '');
    expect(form.getAll('user_mentions')).toEqual(['captain', 'alice']);
    expect(form.getAll('user_mentions_ids')).toEqual([world.teamAdmin.id, world.member.id]);
    expect(form.getAll('channel_mentions')).toEqual(['town-square']);
    expect(form.getAll('channel_mentions_ids')).toEqual([world.town.id]);
  });

  it('sends no mention keys when there are none', async () => {
    await execute(world, '/task list');
    const form = formOf(world.integration.received[0]?.body ?? '');
    expect(form.has('user_mentions')).toBe(false);
    expect(form.has('channel_mentions_ids')).toBe(false);
  });

  it('calls a GET command with the same values in the query string and no body', async () => {
    const getter = await createTaskCommand(world, {trigger: 'lookup', method: 'G', url: `${world.integration.origin}/lookup?fixed=1`});
    await execute(world, '/lookup me');
    const [sent] = world.integration.received;
    expect(sent?.method).toBe('GET');
    expect(sent?.body).toBe('');
    expect(sent?.headers['content-type']).toBeUndefined();
    const query = new URLSearchParams((sent?.url ?? '').split('?')[1]);
    expect(query.get('fixed')).toBe('1');
    expect(query.get('token')).toBe(getter.token);
    expect(query.get('text')).toBe('me');
  });

  it('returns the CommandResponse to the caller with the client trigger id and the props', async () => {
    world.integration.reply(() => jsonReply({response_type: 'ephemeral', text: '', props: {baton: {view: 'tasks'}}, trigger_id: 'ignored'}));
    const {status, body} = await execute(world, '/task');
    expect(status).toBe(200);
    const registeredIds = [...world.sim.ctx.store.triggers.keys()].map((id) => Buffer.from(id, 'base64').toString().split(':')[0]);
    expect(body).toEqual({
      response_type: 'ephemeral',
      text: '',
      username: '',
      channel_id: '',
      icon_url: '',
      type: '',
      props: {baton: {view: 'tasks'}},
      goto_location: '',
      trigger_id: registeredIds[0],
      skip_slack_parsing: false,
      attachments: null,
      extra_responses: null,
    });
    // No text and no attachments: nothing is posted.
    expect(world.sim.ctx.inspection.ephemerals).toHaveLength(0);
  });

  it('passes goto_location through to the caller, whose client navigates there', async () => {
    world.integration.reply(() => jsonReply({goto_location: 'https://baton.test/board'}));
    const {body} = await execute(world, '/task board');
    expect(body).toMatchObject({goto_location: 'https://baton.test/board'});
  });

  it('sends an ephemeral post to the invoker for an ephemeral (or untyped) response with text', async () => {
    world.integration.reply(() => jsonReply({text: 'See <https://x.test|the board>, <!here>', props: {k: 'v'}}));
    await execute(world, '/task', {root_id: ''});
    expect(world.sim.ctx.inspection.ephemerals).toHaveLength(1);
    const [ephemeral] = world.sim.ctx.inspection.ephemerals;
    expect(ephemeral?.user_id).toBe(world.member.id);
    expect(ephemeral?.post).toMatchObject({channel_id: world.town.id, user_id: world.member.id, message: 'See [the board](https://x.test), @here', props: {k: 'v', from_webhook: 'true'}});
    expect(world.sim.ctx.store.posts.size).toBe(0);
  });

  it('answers a plain-text body (not application/json) as ephemeral text', async () => {
    world.integration.reply(() => ({status: 200, headers: {'Content-Type': 'text/plain'}, body: 'hello'}));
    const {body} = await execute(world, '/task');
    expect(body).toMatchObject({text: 'hello', response_type: ''});
    expect(world.sim.ctx.inspection.ephemerals[0]?.post.message).toBe('hello');
  });

  it('posts an in_channel response as the invoking user, with attachments in Go shape and action ids', async () => {
    world.integration.reply(() =>
      jsonReply({
        response_type: 'in_channel',
        text: 'Task added',
        username: 'baton',
        props: {baton_task: 't1'},
        attachments: [{text: 'Do <https://x.test|it>', fields: [{title: 'n', value: 1000000, short: 'TRUE'}], actions: [{name: 'Done', integration: {url: 'http://127.0.0.1:1/a'}}]}],
      }),
    );
    const {status} = await execute(world, '/task add x');
    expect(status).toBe(200);
    const posts = [...world.sim.ctx.store.posts.values()];
    expect(posts).toHaveLength(1);
    const post = posts[0];
    expect(post).toMatchObject({user_id: world.member.id, channel_id: world.town.id, message: 'Task added', type: 'slack_attachment'});
    expect(post?.props).toMatchObject({baton_task: 't1', from_webhook: 'true'});
    // EnablePostUsernameOverride is false by default: the response's username is not used.
    expect(post?.props.override_username).toBeUndefined();
    const attachments = post?.props.attachments as Array<Record<string, unknown>>;
    expect(Object.keys(attachments[0] ?? {})).toEqual([
      'id', 'fallback', 'color', 'pretext', 'author_name', 'author_link', 'author_icon', 'title', 'title_link', 'text',
      'fields', 'image_url', 'thumb_url', 'footer', 'footer_icon', 'ts', 'actions',
    ]);
    expect(attachments[0]).toMatchObject({text: 'Do [it](https://x.test)', fields: [{title: 'n', value: '1e+06', short: true}], ts: null});
    const [action] = attachments[0]?.actions as Array<Record<string, unknown>>;
    expect(action?.id).toMatch(/^[a-z0-9]{26}$/);
    expect(action).toMatchObject({name: 'Done', integration: {url: 'http://127.0.0.1:1/a'}});
  });

  it('applies the command username/icon over the response ones only when the overrides are enabled', async () => {
    Object.assign(world.sim.ctx.config.ServiceSettings, {EnablePostUsernameOverride: true, EnablePostIconOverride: true});
    const named = await createTaskCommand(world, {trigger: 'named', username: 'cmd-name'});
    world.integration.reply(() => jsonReply({response_type: 'in_channel', text: 'x', username: 'resp-name', icon_url: 'https://x.test/i.png'}));
    await execute(world, `/named`);
    const [post] = [...world.sim.ctx.store.posts.values()];
    expect(named.id).toBeDefined();
    expect(post?.props).toMatchObject({override_username: 'cmd-name', override_icon_url: 'https://x.test/i.png', from_webhook: 'true'});
  });

  it('handles each extra response like the main one', async () => {
    world.integration.reply(() => jsonReply({response_type: 'in_channel', text: 'one', extra_responses: [{response_type: 'in_channel', text: 'two'}, {text: 'three'}]}));
    await execute(world, '/task');
    expect([...world.sim.ctx.store.posts.values()].map((post) => post.message)).toEqual(['one', 'two']);
    expect(world.sim.ctx.inspection.ephemerals.map((entry) => entry.post.message)).toEqual(['three']);
  });

  it('redirects the post to response.channel_id only when the user is a member there', async () => {
    world.integration.reply(() => jsonReply({response_type: 'in_channel', text: 'x', channel_id: world.secret.id}));
    const {status, body} = await execute(world, '/Task now');
    expect(status).toBe(500);
    expect(body).toMatchObject({id: 'api.command.execute_command.create_post_failed.app_error', message: "Command 'task' failed to post response. Please contact your System Administrator."});
    expect(world.sim.ctx.store.posts.size).toBe(0);
  });

  it('turns a non-200 answer into api.command.execute_command.failed_resp.app_error with the HTTP status', async () => {
    world.integration.reply(() => ({status: 500, body: 'boom'}));
    const {status, body} = await execute(world, '/task');
    expect(status).toBe(500);
    expect(body).toMatchObject({id: 'api.command.execute_command.failed_resp.app_error', message: "Command with a trigger of 'task' returned response 500 Internal Server Error.", detailed_error: 'boom'});
    expect(world.sim.ctx.inspection.integrationRequests).toEqual([expect.objectContaining({kind: 'command', status: 500})]);
  });

  it('gives up after OutgoingIntegrationRequestsTimeout seconds', async () => {
    world.sim.ctx.config.ServiceSettings.OutgoingIntegrationRequestsTimeout = 1;
    world.integration.reply(() => ({...jsonReply({text: 'late'}), delayMs: 1500}));
    const started = Date.now();
    const {status, body} = await execute(world, '/task');
    expect(Date.now() - started).toBeLessThan(1400);
    expect(status).toBe(500);
    expect(body).toMatchObject({id: 'api.command.execute_command.failed.app_error', message: "Command with a trigger of 'task' failed."});
    expect(world.sim.ctx.inspection.integrationRequests[0]).toMatchObject({status: null, error: `Post "${world.integration.origin}/mattermost/command": context deadline exceeded`});
  });

  it('cuts the response at 1 MiB, so a longer JSON body fails to parse', async () => {
    world.integration.reply(() => jsonReply({text: 'x'.repeat(1024 * 1024)}));
    const {body} = await execute(world, '/task');
    expect(body).toMatchObject({id: 'api.command.execute_command.failed.app_error'});
  });

  it('refuses a malformed JSON response and an attachment field of the wrong type', async () => {
    world.integration.reply(() => ({status: 200, headers: {'Content-Type': 'application/json; charset=utf-8'}, body: '{"text":'}));
    expect((await execute(world, '/task')).body).toMatchObject({id: 'api.command.execute_command.failed.app_error'});
    world.integration.reply(() => jsonReply({text: 'x', attachments: [{id: 'not-a-number'}]}));
    expect((await execute(world, '/task')).body).toMatchObject({id: 'api.command.execute_command.failed.app_error'});
  });

  it('answers an unknown trigger with 404 not_found, and a built-in one with 501', async () => {
    const unknown = await execute(world, '/nothing here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      id: 'api.command.execute_command.not_found.app_error',
      message: `Command with a trigger of 'nothing' not found. To send a message beginning with "/", try adding an empty space at the beginning of the message.`,
    });
    expect((await execute(world, '/echo hi')).body).toMatchObject({status_code: 501, id: 'sim.not_implemented'});
    expect(world.integration.received).toHaveLength(0);
  });

  it.each([
    ['no slash', 'task'],
    ['only a slash', '/'],
  ])('refuses a command with %s (api.command.execute_command.start.app_error)', async (_what, line) => {
    const {status, body} = await execute(world, line);
    expect(status).toBe(400);
    expect(body).toMatchObject({id: 'api.command.execute_command.start.app_error', message: 'No command trigger found.'});
  });

  it('requires create_post in the channel: outsiders and non-members of a private channel get 403', async () => {
    expect((await execute(world, '/task', {}, world.outsider)).status).toBe(403);
    expect((await execute(world, '/task', {channel_id: world.secret.id})).body).toMatchObject({id: 'api.context.permissions.app_error', status_code: 403});
    expect(world.integration.received).toHaveLength(0);
  });

  it('runs in a DM with the team from the request when the caller belongs to it, else 403', async () => {
    expect((await execute(world, '/task', {channel_id: world.dm.id})).status).toBe(200);
    expect(formOf(world.integration.received[0]?.body ?? '').get('team_id')).toBe(world.team.id);
    expect((await execute(world, '/task', {channel_id: world.dm.id, team_id: ''})).status).toBe(403);
  });

  it('takes the team from the channel, not from the request, outside DMs', async () => {
    const {status} = await execute(world, '/task', {team_id: 'x'.repeat(26)});
    expect(status).toBe(200);
    expect(formOf(world.integration.received[0]?.body ?? '').get('team_id')).toBe(world.team.id);
  });

  it('needs SiteURL', async () => {
    world.sim.ctx.config.ServiceSettings.SiteURL = '';
    const {status, body} = await execute(world, '/task');
    expect(status).toBe(400);
    expect(body).toMatchObject({id: 'api.command.execute_command.site_url_required.app_error', message: 'SiteURL must be configured to use slash commands'});
  });

  it('refuses a deleted (archived) channel', async () => {
    const town = world.sim.ctx.store.channels.get(world.town.id);
    if (town) town.delete_at = Date.now();
    const {body} = await execute(world, '/task');
    expect(body).toMatchObject({id: 'api.command.execute_command.deleted.error', message: 'Can not run command in deleted channel.', status_code: 400});
  });
});

describe('the response_url of a command (POST /hooks/commands/{id})', () => {
  let world: IntegrationWorld;
  let responseUrl: string;
  beforeEach(async () => {
    world = await startIntegrationWorld({ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1'}});
    await createTaskCommand(world);
    await execute(world, '/task');
    responseUrl = formOf(world.integration.received[0]?.body ?? '').get('response_url') ?? '';
  });
  afterEach(() => world.stop());

  const post = (body: unknown) => fetch(responseUrl, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});

  it('posts later responses as the invoking user in the invoking channel, answering "ok"', async () => {
    const response = await post({response_type: 'in_channel', text: 'done later'});
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    const [created] = [...world.sim.ctx.store.posts.values()];
    expect(created).toMatchObject({user_id: world.member.id, channel_id: world.town.id, message: 'done later', props: {from_webhook: 'true'}});
  });

  it('accepts 5 uses, then answers 400', async () => {
    for (let use = 0; use < 5; use += 1) expect((await post({text: `use ${use}`})).status).toBe(200);
    const sixth = await post({text: 'again'});
    expect(sixth.status).toBe(400);
    expect(await sixth.json()).toMatchObject({id: 'web.command_webhook.general.app_error'});
  });

  it('expires 30 minutes after the command', async () => {
    const later = Date.now() + 30 * 60 * 1000 + 1;
    world.sim.ctx.now = () => later;
    const response = await post({text: 'too late'});
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({id: 'web.command_webhook.general.app_error'});
  });

  it('refuses a body that is not a CommandResponse', async () => {
    const response = await fetch(responseUrl, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{"text": 5}'});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({id: 'web.command_webhook.parse.app_error'});
  });
});
