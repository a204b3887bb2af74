import {jsonReply} from '../outbound/fakeIntegration';
import {listenAs, startIntegrationWorld, type IntegrationWorld} from './integrationWorld';

// POST /api/v4/actions/dialogs/open and /submit (api4/integration_action.go,
// app/integration_action.go OpenInteractiveDialog, SubmitInteractiveDialog).

const dialog = (overrides: Record<string, unknown> = {}) => ({
  callback_id: 'add-task',
  title: 'Add a task',
  introduction_text: 'What needs doing?',
  elements: [
    {display_name: 'Title', name: 'title', type: 'text', max_length: 150},
    {display_name: 'Notes', name: 'notes', type: 'textarea', optional: true, max_length: 3000},
    {display_name: 'Owner', name: 'owner', type: 'select', data_source: 'users'},
    {display_name: 'Urgent', name: 'urgent', type: 'bool'},
    {display_name: 'Due', name: 'due', type: 'datetime'},
  ],
  submit_label: 'Add',
  notify_on_cancel: true,
  state: 's1',
  ...overrides,
});

/** Runs `/task`, whose integration receives a trigger id; returns it. */
async function triggerFor(world: IntegrationWorld): Promise<string> {
  await world.api(world.teamAdmin, 'POST', '/api/v4/commands', {team_id: world.team.id, trigger: 'task', method: 'P', url: `${world.integration.origin}/command`});
  await world.api(world.member, 'POST', '/api/v4/commands/execute', {command: '/task', channel_id: world.town.id});
  const sent = world.integration.received.at(-1)?.body ?? '';
  return new URLSearchParams(sent).get('trigger_id') ?? '';
}

describe('opening an interactive dialog', () => {
  let world: IntegrationWorld;
  let triggerId: string;
  beforeEach(async () => {
    world = await startIntegrationWorld({ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1'}});
    triggerId = await triggerFor(world);
  });
  afterEach(() => world.stop());

  const open = (body: unknown) => world.api(null, 'POST', '/api/v4/actions/dialogs/open', body);

  it('needs no session and sends open_dialog to the trigger’s user only, as a JSON string in Go’s shape', async () => {
    const alice = await listenAs(world, world.member);
    const captain = await listenAs(world, world.teamAdmin);
    const {status, body} = await open({trigger_id: triggerId, url: `${world.integration.origin}/dialog`, dialog: dialog()});
    expect({status, body}).toEqual({status: 200, body: {status: 'OK'}});
    const event = await alice.next('open_dialog');
    expect(event.broadcast.user_id).toBe(world.member.id);
    expect(typeof event.data.dialog).toBe('string');
    const opened = JSON.parse(String(event.data.dialog)) as {trigger_id: string; url: string; dialog: Record<string, unknown> & {elements: Array<Record<string, unknown>>}};
    expect(opened.trigger_id).toBe(Buffer.from(triggerId, 'base64').toString().split(':')[0]);
    expect(opened.url).toBe(`${world.integration.origin}/dialog`);
    expect(Object.keys(opened.dialog)).toEqual(['callback_id', 'title', 'introduction_text', 'icon_url', 'elements', 'submit_label', 'notify_on_cancel', 'state']);
    expect(Object.keys(opened.dialog.elements[0] ?? {})).toEqual([
      'display_name', 'name', 'type', 'subtype', 'default', 'placeholder', 'help_text', 'optional', 'min_length', 'max_length', 'data_source', 'options', 'multiselect',
    ]);
    expect(opened.dialog).toMatchObject({callback_id: 'add-task', title: 'Add a task', notify_on_cancel: true, state: 's1'});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(captain.events.some((received) => received.event === 'open_dialog')).toBe(false);
    alice.close();
    captain.close();
  });

  it('lets a trigger id open dialogs until it expires (Mattermost does not consume it)', async () => {
    const request = {trigger_id: triggerId, url: `${world.integration.origin}/dialog`, dialog: dialog()};
    expect((await open(request)).status).toBe(200);
    expect((await open(request)).status).toBe(200);
    const issuedAt = Number(Buffer.from(triggerId, 'base64').toString().split(':')[2]);
    world.sim.ctx.now = () => issuedAt + 2001;
    const expired = await open(request);
    expect(expired).toMatchObject({
      status: 400,
      body: {id: 'interactive_message.decode_trigger_id.expired', message: 'Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of 2s.'},
    });
  });

  it.each([
    ['not base64', () => 'not base64!', 'interactive_message.decode_trigger_id.base64_decode_failed'],
    ['missing data', () => Buffer.from('a:b:c').toString('base64'), 'interactive_message.decode_trigger_id.missing_data'],
    ['a forged signature', () => Buffer.from(`${'c'.repeat(26)}:${'u'.repeat(26)}:${Date.now()}:c2lnbmF0dXJl`).toString('base64'), 'interactive_message.decode_trigger_id.verify_signature_failed'],
  ])('refuses a trigger id with %s', async (_what, makeTrigger, id) => {
    const {status, body} = await open({trigger_id: makeTrigger(), url: `${world.integration.origin}/dialog`, dialog: dialog()});
    expect(status).toBe(400);
    expect(body).toMatchObject({id});
  });

  it('requires a url, and a decodable body', async () => {
    expect((await open({trigger_id: triggerId, dialog: dialog()})).body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing url in request body.'});
    expect((await open({trigger_id: triggerId, url: 'x', dialog: {title: 5}})).body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing dialog in request body.'});
  });

  it.each([
    ['a title over 24 bytes', {title: 'x'.repeat(25)}, 'invalid dialog title'],
    ['no title', {title: ''}, 'invalid dialog title ""'],
    ['a display name over 24 bytes', {elements: [{display_name: 'd'.repeat(25), name: 'n', type: 'text'}]}, '"n" field is not valid: DisplayName cannot be longer than 24 characters, got 25'],
    ['help text over 150 bytes', {elements: [{display_name: 'D', name: 'n', type: 'text', help_text: 'h'.repeat(151)}]}, 'HelpText cannot be longer than 150 characters'],
    ['an unknown element type', {elements: [{display_name: 'D', name: 'n', type: 'color'}]}, 'invalid element type: "color"'],
    ['an unknown text subtype', {elements: [{display_name: 'D', name: 'n', type: 'text', subtype: 'date'}]}, 'invalid subtype "text"'],
    ['a select default outside its options', {elements: [{display_name: 'D', name: 'n', type: 'select', default: 'z', options: [{text: 'A', value: 'a'}]}]}, `default value "z" doesn't exist in options`],
    ['a select with an unknown data source', {elements: [{display_name: 'D', name: 'n', type: 'select', data_source: 'teams'}]}, 'invalid data source "teams"'],
    ['min_length above max_length', {elements: [{display_name: 'D', name: 'n', type: 'text', min_length: 5}]}, 'min length should be less then max length, got 5 > 0'],
    ['a duplicate element name', {elements: [{display_name: 'A', name: 'n', type: 'bool'}, {display_name: 'B', name: 'n', type: 'bool'}]}, 'duplicate dialog element "n"'],
    ['a bad date', {elements: [{display_name: 'D', name: 'n', type: 'date', default: '2025-02-30'}]}, 'invalid date format: "2025-02-30"'],
  ])('refuses a dialog with %s (Mattermost would only log it)', async (_what, overrides, fragment) => {
    const {status, body} = await open({trigger_id: triggerId, url: 'http://x.test', dialog: dialog(overrides)});
    expect(status).toBe(400);
    expect(body).toMatchObject({id: 'sim.interactive_dialog.invalid'});
    expect((body as {message: string}).message).toContain(fragment);
  });

  it('accepts what Mattermost only advises about: a datetime without time_interval, a datetime in a date field', async () => {
    const elements = [
      {display_name: 'When', name: 'when', type: 'datetime', default: '2025-01-02T10:00:00Z'},
      {display_name: 'Day', name: 'day', type: 'date', default: '2025-01-02T10:00:00Z', min_date: 'today', max_date: '+2w'},
      {display_name: 'Pick', name: 'pick', type: 'radio', default: 'b', options: [{text: 'B', value: 'b'}]},
    ];
    expect((await open({trigger_id: triggerId, url: 'http://x.test', dialog: dialog({elements})})).status).toBe(200);
  });
});

describe('submitting an interactive dialog', () => {
  let world: IntegrationWorld;
  beforeEach(async () => {
    world = await startIntegrationWorld({ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1'}});
  });
  afterEach(() => world.stop());

  const submission = (world: IntegrationWorld, overrides: Record<string, unknown> = {}) => ({
    url: `${world.integration.origin}/dialog`,
    callback_id: 'add-task',
    state: 's1',
    user_id: world.admin.id,
    channel_id: world.town.id,
    team_id: world.team.id,
    submission: {title: 'Ship <it>', owner: world.teamAdmin.id, urgent: true},
    cancelled: false,
    ...overrides,
  });
  const submit = (body: unknown, user = world.member) => world.api(user, 'POST', '/api/v4/actions/dialogs/submit', body);

  it('POSTs dialog_submission as the session’s user, without the url, map keys sorted', async () => {
    const {status, body} = await submit(submission(world));
    expect({status, body}).toEqual({status: 200, body: {}});
    const [sent] = world.integration.received;
    expect(sent?.url).toBe('/dialog');
    expect(sent?.headers).toMatchObject({'content-type': 'application/json', accept: 'application/json'});
    expect(sent?.body).toBe(
      `{"type":"dialog_submission","callback_id":"add-task","state":"s1","user_id":"${world.member.id}","channel_id":"${world.town.id}","team_id":"${world.team.id}",` +
        `"submission":{"owner":"${world.teamAdmin.id}","title":"Ship \\u003cit\\u003e","urgent":true},"cancelled":false}`,
    );
    expect(world.sim.ctx.inspection.integrationRequests).toEqual([expect.objectContaining({kind: 'dialog', status: 200})]);
  });

  it('returns the integration’s field errors (dialog stays open) and general error', async () => {
    world.integration.reply(() => jsonReply({errors: {title: 'Too short'}, ignored: 1}));
    expect((await submit(submission(world))).body).toEqual({errors: {title: 'Too short'}});
    world.integration.reply(() => jsonReply({error: 'Nope'}));
    expect((await submit(submission(world))).body).toEqual({error: 'Nope'});
  });

  it('sends a cancellation the same way', async () => {
    await submit(submission(world, {cancelled: true, submission: null}));
    expect(JSON.parse(world.integration.received[0]?.body ?? '{}')).toMatchObject({type: 'dialog_submission', cancelled: true, submission: null});
  });

  it('refuses a response that is not JSON, or whose type is unknown', async () => {
    world.integration.reply(() => ({status: 200, body: 'ok'}));
    expect((await submit(submission(world))).body).toMatchObject({id: 'app.submit_interactive_dialog.decode_json_error', status_code: 500});
    world.integration.reply(() => jsonReply({type: 'maybe'}));
    expect((await submit(submission(world))).body).toMatchObject({id: 'app.submit_interactive_dialog.invalid_response', status_code: 400});
  });

  it('turns a non-200 answer or a forbidden address into api.post.do_action.action_integration.app_error', async () => {
    world.integration.reply(() => ({status: 500}));
    expect((await submit(submission(world))).body).toMatchObject({id: 'api.post.do_action.action_integration.app_error', status_code: 400});
    world.sim.ctx.config.ServiceSettings.AllowedUntrustedInternalConnections = 'bridge.internal';
    expect((await submit(submission(world))).body).toMatchObject({id: 'api.post.do_action.action_integration.app_error', status_code: 400});
    expect(world.integration.received).toHaveLength(1);
  });

  it('requires a session, a url, read access to the channel and view_team', async () => {
    expect((await world.api(null, 'POST', '/api/v4/actions/dialogs/submit', submission(world))).status).toBe(401);
    expect((await submit(submission(world, {url: ''}))).body).toMatchObject({message: 'Invalid or missing url in request body.'});
    expect((await submit(submission(world), world.outsider)).body).toMatchObject({id: 'api.context.permissions.app_error'});
    expect((await submit(submission(world, {channel_id: world.secret.id}))).status).toBe(403);
    expect((await submit(submission(world, {team_id: ''}))).status).toBe(403);
    expect((await submit(submission(world, {channel_id: 'c'.repeat(26)}))).body).toMatchObject({id: 'app.channel.get.existing.app_error', status_code: 404});
    expect(world.integration.received).toHaveLength(0);
  });
});
