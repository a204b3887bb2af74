import {jsonReply} from '../outbound/fakeIntegration';
import {createPost} from '../services/posts';
import type {Post} from '../store/entities';
import {listenAs, startIntegrationWorld, type IntegrationWorld} from './integrationWorld';

// POST /api/v4/posts/{post_id}/actions/{action_id} (api4/integration_action.go
// doPostAction, app/integration_action.go DoPostActionWithCookie).

function postWithActions(world: IntegrationWorld, extraProps: Record<string, unknown> = {}): Post {
  const url = `${world.integration.origin}/mattermost/action`;
  return createPost(world.sim.ctx, {
    channel_id: world.town.id,
    user_id: world.admin.id,
    message: 'Task t1',
    is_pinned: true,
    props: {
      ...extraProps,
      attachments: [
        {
          text: 'Pick',
          actions: [
            {id: 'done', type: 'button', name: 'Done', integration: {url, context: {task: 't1', b: 2}}},
            {id: 'plain', type: 'button', name: 'Plain', integration: {url}},
            {id: 'assign', type: 'select', name: 'Assign', data_source: 'users', integration: {url, context: {task: 't1'}}},
            {id: 'do_it', type: 'button', name: 'Underscore', integration: {url}},
            {id: 'nourl', type: 'button', name: 'No integration'},
          ],
        },
      ],
    },
  });
}

const click = (world: IntegrationWorld, postId: string, actionId: string, body: unknown = {}, user = world.member) =>
  world.api(user, 'POST', `/api/v4/posts/${postId}/actions/${actionId}`, body);

describe('clicking an interactive message action', () => {
  let world: IntegrationWorld;
  let post: Post;
  beforeEach(async () => {
    world = await startIntegrationWorld({ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1'}});
    post = postWithActions(world, {from_webhook: 'true'});
  });
  afterEach(() => world.stop());

  it('POSTs Mattermost’s JSON request to the integration and answers {status, trigger_id}', async () => {
    const {status, body} = await click(world, post.id, 'done');
    expect(status).toBe(200);
    const [sent] = world.integration.received;
    expect(sent?.headers).toMatchObject({'content-type': 'application/json', accept: 'application/json', 'user-agent': 'Mattermost-Bot/1.1'});
    expect(sent?.headers.authorization).toBeUndefined();
    const request = JSON.parse(sent?.body ?? '{}') as Record<string, unknown>;
    expect(Object.keys(request)).toEqual(['user_id', 'user_name', 'channel_id', 'channel_name', 'team_id', 'team_domain', 'post_id', 'trigger_id', 'type', 'data_source', 'context']);
    expect(request).toMatchObject({
      user_id: world.member.id,
      user_name: 'alice',
      channel_id: world.town.id,
      channel_name: 'town-square',
      team_id: world.team.id,
      team_domain: 'crew',
      post_id: post.id,
      type: 'button',
      data_source: '',
    });
    // context is a Go map: keys sorted.
    expect(JSON.stringify(request.context)).toBe('{"b":2,"task":"t1"}');
    const clientTriggerId = Buffer.from(String(request.trigger_id), 'base64').toString().split(':')[0];
    expect(body).toEqual({status: 'OK', trigger_id: clientTriggerId});
  });

  it('omits context when the action has none', async () => {
    await click(world, post.id, 'plain');
    expect(Object.keys(JSON.parse(world.integration.received[0]?.body ?? '{}'))).not.toContain('context');
  });

  it('adds selected_option to the context, and the data source, for a select', async () => {
    await click(world, post.id, 'assign', {selected_option: world.teamAdmin.id});
    const request = JSON.parse(world.integration.received[0]?.body ?? '{}') as Record<string, unknown>;
    expect(request).toMatchObject({type: 'select', data_source: 'users', context: {selected_option: world.teamAdmin.id, task: 't1'}});
  });

  it('applies `update`: new message and props, is_pinned kept, from_webhook kept, override props not taken; broadcasts post_edited', async () => {
    const listener = await listenAs(world, world.member);
    world.integration.reply(() => jsonReply({update: {message: 'Task t1 (done)', is_pinned: false, props: {state: 'done', override_username: 'hacker'}}}));
    await click(world, post.id, 'done');
    const updated = world.sim.ctx.store.posts.get(post.id);
    expect(updated).toMatchObject({id: post.id, message: 'Task t1 (done)', is_pinned: true, props: {state: 'done', from_webhook: 'true'}});
    expect(updated?.props.override_username).toBeUndefined();
    expect(updated?.props.attachments).toBeUndefined();
    expect(updated?.edit_at).toBeGreaterThan(0);
    const edited = await listener.next('post_edited');
    expect(JSON.parse(String(edited.data.post))).toMatchObject({id: post.id, message: 'Task t1 (done)'});
    listener.close();
  });

  it('keeps the original props when `update.props` is null', async () => {
    world.integration.reply(() => jsonReply({update: {message: 'new text', props: null}}));
    await click(world, post.id, 'done');
    const updated = world.sim.ctx.store.posts.get(post.id);
    expect(updated?.message).toBe('new text');
    expect(updated?.props).toEqual(post.props);
  });

  it('sends ephemeral_text to the clicker only, in the post’s thread, as the clicker', async () => {
    world.integration.reply(() => jsonReply({ephemeral_text: 'Marked <https://x.test|done>'}));
    await click(world, post.id, 'done');
    expect(world.sim.ctx.inspection.ephemerals).toHaveLength(1);
    expect(world.sim.ctx.inspection.ephemerals[0]).toMatchObject({
      user_id: world.member.id,
      post: {channel_id: world.town.id, root_id: post.id, user_id: world.member.id, message: 'Marked [done](https://x.test)', props: {from_webhook: 'true'}},
    });
  });

  it('turns a non-200 answer, bad JSON or an unreachable integration into 400 api.post.do_action.action_integration.app_error', async () => {
    world.integration.reply(() => ({status: 404, body: 'nope'}));
    expect(await click(world, post.id, 'done')).toMatchObject({status: 400, body: {id: 'api.post.do_action.action_integration.app_error', message: 'Action integration error.', detailed_error: 'status=404'}});
    world.integration.reply(() => ({status: 200, body: '{"update":'}));
    expect((await click(world, post.id, 'done')).body).toMatchObject({id: 'api.post.do_action.action_integration.app_error'});
    world.sim.ctx.config.ServiceSettings.AllowedUntrustedInternalConnections = '';
    const refused = await click(world, post.id, 'done');
    expect(refused.body).toMatchObject({id: 'api.post.do_action.action_integration.app_error', status_code: 400});
    expect(world.integration.received).toHaveLength(2);
  });

  it('gives up after the integration timeout', async () => {
    world.sim.ctx.config.ServiceSettings.OutgoingIntegrationRequestsTimeout = 1;
    world.integration.reply(() => ({...jsonReply({}), delayMs: 1500}));
    const {status} = await click(world, post.id, 'done');
    expect(status).toBe(400);
    expect(world.sim.ctx.inspection.integrationRequests[0]).toMatchObject({kind: 'action', status: null, error: expect.stringContaining('context deadline exceeded')});
  });

  it('answers an unknown action, or one without integration, with 404 api.post.do_action.action_id.app_error', async () => {
    expect((await click(world, post.id, 'missing')).body).toMatchObject({id: 'api.post.do_action.action_id.app_error', message: 'Invalid action id.', status_code: 404});
    expect((await click(world, post.id, 'nourl')).body).toMatchObject({id: 'api.post.do_action.action_id.app_error'});
  });

  it('cannot reach an action whose id is not alphanumeric: the route itself does not match (404)', async () => {
    const {status, body} = await click(world, post.id, 'do_it');
    expect(status).toBe(404);
    expect(body).toMatchObject({id: 'api.context.404.app_error'});
    expect(world.integration.received).toHaveLength(0);
  });

  it('requires read access to the post’s channel', async () => {
    expect((await click(world, post.id, 'done', {}, world.outsider)).body).toMatchObject({id: 'api.context.permissions.app_error', status_code: 403});
    const secretPost = createPost(world.sim.ctx, {channel_id: world.secret.id, user_id: world.teamAdmin.id, message: 'x', props: post.props});
    expect((await click(world, secretPost.id, 'done')).status).toBe(403);
    expect((await click(world, secretPost.id, 'done', {}, world.teamAdmin)).status).toBe(200);
  });

  it('answers a missing post with 403 for users and 404 for a system admin', async () => {
    const missing = 'a'.repeat(26);
    expect((await click(world, missing, 'done')).status).toBe(403);
    expect((await click(world, missing, 'done', {}, world.admin)).body).toMatchObject({id: 'app.post.get.app_error', status_code: 404});
  });
});

describe('buttons in an ephemeral command response (action cookies)', () => {
  let world: IntegrationWorld;
  let ephemeral: Post;
  beforeEach(async () => {
    world = await startIntegrationWorld({ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1'}});
    await world.api(world.teamAdmin, 'POST', '/api/v4/commands', {team_id: world.team.id, trigger: 'task', method: 'P', url: `${world.integration.origin}/command`});
    world.integration.reply(() =>
      jsonReply({text: 'Choose', attachments: [{actions: [{name: 'Start', type: 'button', integration: {url: `${world.integration.origin}/action`, context: {task: 't9'}}}]}]}),
    );
    await world.api(world.member, 'POST', '/api/v4/commands/execute', {command: '/task', channel_id: world.town.id});
    const sent = world.sim.ctx.inspection.ephemerals[0]?.post;
    if (!sent) throw new Error('no ephemeral post');
    ephemeral = sent;
  });
  afterEach(() => world.stop());

  const firstAction = (post: Post) => ((post.props.attachments as Array<{actions: Array<Record<string, unknown>>}>)[0]?.actions[0] ?? {}) as {id: string; cookie?: string; integration?: unknown};

  it('gives each action an id and a sealed cookie, never the integration itself', async () => {
    const listener = await listenAs(world, world.member);
    world.integration.reply(() => jsonReply({text: 'Choose', attachments: [{actions: [{name: 'Start', type: 'button', integration: {url: `${world.integration.origin}/action`}}]}]}));
    await world.api(world.member, 'POST', '/api/v4/commands/execute', {command: '/task', channel_id: world.town.id});
    const event = await listener.next('ephemeral_message');
    const action = firstAction(JSON.parse(String(event.data.post)) as Post);
    expect(action.id).toMatch(/^[a-z0-9]{26}$/);
    expect(action.cookie).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(action.integration).toBeUndefined();
    listener.close();
  });

  it('uses the cookie when the post is not stored: the integration gets the ephemeral post id and the context', async () => {
    const action = firstAction(ephemeral);
    world.integration.reply(() => jsonReply({}));
    const {status} = await click(world, ephemeral.id, action.id, {cookie: action.cookie});
    expect(status).toBe(200);
    const request = JSON.parse(world.integration.received[1]?.body ?? '{}') as Record<string, unknown>;
    expect(world.integration.received[1]?.url).toBe('/action');
    expect(request).toMatchObject({post_id: ephemeral.id, channel_id: world.town.id, type: 'button', context: {task: 't9'}, user_id: world.member.id});
  });

  it('cannot `update` an ephemeral post: it is not stored (api.post.update_post.find.app_error)', async () => {
    const action = firstAction(ephemeral);
    world.integration.reply(() => jsonReply({update: {message: 'changed'}}));
    const {status, body} = await click(world, ephemeral.id, action.id, {cookie: action.cookie});
    expect(status).toBe(400);
    expect(body).toMatchObject({id: 'api.post.update_post.find.app_error'});
  });

  it('refuses a tampered cookie, a cookie for another post, and a click without cookie', async () => {
    const action = firstAction(ephemeral);
    const tampered = `${(action.cookie ?? '').slice(0, -4)}AAA=`;
    expect((await click(world, ephemeral.id, action.id, {cookie: tampered})).body).toMatchObject({id: 'api.post.do_action.action_integration.app_error', status_code: 400});
    expect((await click(world, 'b'.repeat(26), action.id, {cookie: action.cookie})).body).toMatchObject({
      id: 'api.post.do_action.action_integration.app_error',
      detailed_error: "postId doesn't match",
    });
    expect((await click(world, ephemeral.id, action.id)).status).toBe(403);
    expect(world.integration.received).toHaveLength(1);
  });
});
