import type {RunningSimulator} from '../index';
import type {PostList} from '../services/postLists';
import {createPost} from '../services/posts';
import {createBot, createSession} from '../services/users';
import type {Post} from '../store/entities';
import {call, seedOrganisation, SocketProbe, startTestSimulator, type Organisation} from '../testKit';

const attachmentWithAction = {attachments: [{text: 'pick', actions: [{id: 'approve', name: 'Approve', integration: {url: 'http://127.0.0.1:9/hook', context: {secret: 1}}}]}]};

describe('posts: creating (api4/post.go createPost, createEphemeralPost)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('posts as the caller (201), broadcasts `posted` with the post as a JSON string, and strips action integrations', async () => {
    const bob = await SocketProbe.connected(sim, org.bob.token);
    try {
      const created = await call<Post>(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.dm.id, message: 'hi bob', props: attachmentWithAction, user_id: org.bob.user.id}});
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({channel_id: org.dm.id, message: 'hi bob', user_id: org.alice.user.id});
      expect(JSON.stringify(created.body)).not.toContain('integration');
      const posted = await bob.next((frame) => frame.event === 'posted');
      expect(typeof posted.data?.post).toBe('string');
      const sent = JSON.parse(posted.data?.post as string) as Post;
      expect(sent.id).toBe(created.body.id);
      expect(JSON.stringify(sent)).not.toContain('integration');
      expect(posted.data).toMatchObject({channel_type: 'D', sender_name: '@alice', team_id: ''});
      expect(posted.broadcast).toMatchObject({channel_id: org.dm.id});
      // Stored with the integration: only the server may call it.
      expect(JSON.stringify(sim.ctx.store.posts.get(created.body.id)?.props)).toContain('integration');
      expect(sim.ctx.store.channels.get(org.dm.id)?.total_msg_count).toBe(1);
    } finally {
      bob.close();
    }
  });

  it('refuses non-members of private channels and unknown channels alike with 403', async () => {
    for (const channelId of [org.secret.id, 'u'.repeat(26)]) {
      const response = await call(sim, 'POST', '/api/v4/posts', {token: org.bob.token, body: {channel_id: channelId, message: 'x'}});
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({id: 'api.context.permissions.app_error'});
    }
    // Team members may not post in an open channel they have not joined either.
    expect((await call(sim, 'POST', '/api/v4/posts', {token: org.carol.token, body: {channel_id: org.general.id, message: 'x'}})).status).toBe(403);
    expect((await call(sim, 'POST', '/api/v4/posts', {token: org.admin.token, body: {channel_id: org.dm.id, message: 'admin may'}})).status).toBe(201);
  });

  it('validates type and root: system_ types are refused, custom_ ones allowed, replies need a valid root', async () => {
    const system = await call(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.general.id, message: 'x', type: 'system_join_channel'}});
    expect(system.body).toMatchObject({id: 'api.context.invalid_param.app_error', status_code: 400});
    const custom = await call<Post>(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.general.id, message: '', type: 'custom_baton_task'}});
    expect(custom.body.type).toBe('custom_baton_task');
    const badRoot = await call(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.general.id, message: 'x', root_id: 'r'.repeat(26)}});
    expect(badRoot.body).toMatchObject({id: 'api.post.create_post.root_id.app_error', status_code: 400});
    const otherChannel = await call(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.dm.id, message: 'x', root_id: custom.body.id}});
    expect(otherChannel.body).toMatchObject({id: 'api.post.create_post.channel_root_id.app_error', status_code: 400});
    const reply = await call<Post>(sim, 'POST', '/api/v4/posts', {token: org.bob.token, body: {channel_id: org.general.id, message: 'reply', root_id: custom.body.id}});
    expect(reply.status).toBe(201);
    const notJson = await call(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.general.id, message: 5}});
    expect(notJson.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing message in request body.'});
  });

  it('marks posts by bots with from_bot', async () => {
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.admin.user.id});
    createPost(sim.ctx, {channel_id: org.dm.id, user_id: org.alice.user.id, message: 'person'});
    const botToken = createSession(sim.ctx, bot.user_id).token;
    const dm = await call<{id: string}>(sim, 'POST', '/api/v4/channels/direct', {token: org.admin.token, body: [bot.user_id, org.alice.user.id]});
    const posted = await call<Post>(sim, 'POST', '/api/v4/posts', {token: botToken, body: {channel_id: dm.body.id, message: 'from the bot'}});
    expect(posted.body.props).toEqual({from_bot: 'true'});
  });

  it('sends an ephemeral post to one user only (admins only), never stored', async () => {
    const alice = await SocketProbe.connected(sim, org.alice.token);
    const bob = await SocketProbe.connected(sim, org.bob.token);
    try {
      const refused = await call(sim, 'POST', '/api/v4/posts/ephemeral', {token: org.bob.token, body: {user_id: org.alice.user.id, post: {channel_id: org.dm.id, message: 'psst'}}});
      expect(refused.status).toBe(403);
      const sent = await call<Post>(sim, 'POST', '/api/v4/posts/ephemeral', {token: org.admin.token, body: {user_id: org.alice.user.id, post: {channel_id: org.dm.id, message: 'psst', props: attachmentWithAction}}});
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({type: 'system_ephemeral', user_id: org.admin.user.id, message: 'psst'});
      const frame = await alice.next((candidate) => candidate.event === 'ephemeral_message');
      expect(frame.broadcast).toMatchObject({user_id: org.alice.user.id, channel_id: org.dm.id});
      expect(JSON.parse(frame.data?.post as string)).toMatchObject({id: sent.body.id, message: 'psst'});
      expect(frame.data?.post as string).not.toContain('integration');
      await bob.settle();
      expect(bob.events('ephemeral_message')).toHaveLength(0);
      expect(sim.ctx.store.posts.has(sent.body.id)).toBe(false);
      const list = await call<PostList>(sim, 'GET', `/api/v4/channels/${org.dm.id}/posts`, {token: org.alice.token});
      expect(list.body.order).not.toContain(sent.body.id);
      const noUser = await call(sim, 'POST', '/api/v4/posts/ephemeral', {token: org.admin.token, body: {post: {channel_id: org.dm.id}}});
      expect(noUser.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing user_id in request body.'});
    } finally {
      alice.close();
      bob.close();
    }
  });
});

describe('posts: reading, editing and deleting', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  let root: Post;
  let reply: Post;
  beforeEach(async () => {
    let clock = 1_000;
    sim = await startTestSimulator();
    sim.ctx.now = () => (clock += 10);
    org = seedOrganisation(sim);
    root = createPost(sim.ctx, {channel_id: org.general.id, user_id: org.alice.user.id, message: 'root', props: attachmentWithAction});
    reply = createPost(sim.ctx, {channel_id: org.general.id, user_id: org.bob.user.id, message: 'reply', root_id: root.id});
  });
  afterEach(() => sim.stop());

  it('gets a post for whoever may read its channel (team members for open channels), 404 when unknown', async () => {
    const asCarol = await call<Post>(sim, 'GET', `/api/v4/posts/${root.id}`, {token: org.carol.token});
    expect(asCarol.body).toMatchObject({id: root.id, reply_count: 1});
    expect(JSON.stringify(asCarol.body)).not.toContain('integration');
    const secretPost = createPost(sim.ctx, {channel_id: org.secret.id, user_id: org.alice.user.id, message: 'secret'});
    expect((await call(sim, 'GET', `/api/v4/posts/${secretPost.id}`, {token: org.bob.token})).status).toBe(403);
    const unknown = await call(sim, 'GET', `/api/v4/posts/${'n'.repeat(26)}`, {token: org.bob.token});
    expect(unknown.body).toMatchObject({id: 'app.post.get.app_error', status_code: 404});
  });

  it('lists a channel newest first as a PostList with cursors', async () => {
    const third = createPost(sim.ctx, {channel_id: org.general.id, user_id: org.alice.user.id, message: 'third'});
    const all = await call<PostList>(sim, 'GET', `/api/v4/channels/${org.general.id}/posts`, {token: org.bob.token});
    expect(all.body.order).toEqual([third.id, reply.id, root.id]);
    expect(Object.keys(all.body.posts).sort()).toEqual([root.id, reply.id, third.id].sort());
    expect(all.body).toMatchObject({next_post_id: '', prev_post_id: '', has_next: false});
    const middle = await call<PostList>(sim, 'GET', `/api/v4/channels/${org.general.id}/posts?page=1&per_page=1`, {token: org.bob.token});
    expect(middle.body.order).toEqual([reply.id]);
    // The reply's root comes along in `posts`, not in `order`.
    expect(Object.keys(middle.body.posts).sort()).toEqual([root.id, reply.id].sort());
    expect(middle.body).toMatchObject({next_post_id: third.id, prev_post_id: root.id, has_next: true});
    expect((await call(sim, 'GET', `/api/v4/channels/${org.secret.id}/posts`, {token: org.bob.token})).status).toBe(403);
  });

  it('returns a thread from any of its posts', async () => {
    const thread = await call<PostList>(sim, 'GET', `/api/v4/posts/${reply.id}/thread`, {token: org.alice.token});
    expect(thread.body.order).toEqual([reply.id, root.id]);
  });

  it('patches a post: edit_at only moves when the message changes; post_edited goes to the channel', async () => {
    const bob = await SocketProbe.connected(sim, org.bob.token);
    try {
      const pinned = await call<Post>(sim, 'PUT', `/api/v4/posts/${root.id}/patch`, {token: org.alice.token, body: {is_pinned: true}});
      expect(pinned.body).toMatchObject({is_pinned: true, edit_at: 0, message: 'root'});
      const edited = await call<Post>(sim, 'PUT', `/api/v4/posts/${root.id}/patch`, {token: org.alice.token, body: {message: 'root, edited'}});
      expect(edited.body.edit_at).toBeGreaterThan(0);
      const editedEvent = await bob.next((frame) => frame.event === 'post_edited' && (JSON.parse(frame.data?.post as string) as Post).message === 'root, edited');
      expect(editedEvent.broadcast).toMatchObject({channel_id: org.general.id});
      expect(bob.events('post_edited')).toHaveLength(2);
      expect(JSON.stringify(bob.events('post_edited'))).not.toContain('integration');
    } finally {
      bob.close();
    }
  });

  it("needs edit_others_posts for someone else's post, and treats an unknown post as a permission error", async () => {
    const others = await call(sim, 'PUT', `/api/v4/posts/${root.id}/patch`, {token: org.bob.token, body: {message: 'hijack'}});
    expect(others.status).toBe(403);
    expect((await call(sim, 'PUT', `/api/v4/posts/${root.id}/patch`, {token: org.admin.token, body: {message: 'moderated'}})).status).toBe(200);
    const unknown = await call(sim, 'PUT', `/api/v4/posts/${'n'.repeat(26)}/patch`, {token: org.alice.token, body: {message: 'x'}});
    expect(unknown.status).toBe(403);
  });

  it('updates a whole post with PUT; the body id must match the URL', async () => {
    const mismatch = await call(sim, 'PUT', `/api/v4/posts/${root.id}`, {token: org.alice.token, body: {id: reply.id, message: 'x'}});
    expect(mismatch.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing id in request body.'});
    const updated = await call<Post>(sim, 'PUT', `/api/v4/posts/${root.id}`, {token: org.alice.token, body: {id: root.id, message: 'new', props: {a: 1}}});
    expect(updated.body).toMatchObject({message: 'new', props: {a: 1}});
  });

  it('soft-deletes a post and its replies; post_deleted carries the post JSON, and delete_by only for admins', async () => {
    const bob = await SocketProbe.connected(sim, org.bob.token);
    const admin = await SocketProbe.connected(sim, org.admin.token);
    try {
      expect((await call(sim, 'DELETE', `/api/v4/posts/${root.id}`, {token: org.bob.token})).status).toBe(403);
      expect((await call(sim, 'DELETE', `/api/v4/posts/${root.id}`, {token: org.alice.token})).body).toEqual({status: 'OK'});
      const toBob = await bob.next((frame) => frame.event === 'post_deleted');
      expect(JSON.parse(toBob.data?.post as string)).toMatchObject({id: root.id});
      expect(toBob.data).not.toHaveProperty('delete_by');
      const toAdmin = await admin.next((frame) => frame.event === 'post_deleted');
      expect(toAdmin.data?.delete_by).toBe(org.alice.user.id);
      await bob.settle();
      expect(bob.events('post_deleted')).toHaveLength(1);
      expect(admin.events('post_deleted')).toHaveLength(1);
    } finally {
      bob.close();
      admin.close();
    }
    expect(sim.ctx.store.posts.get(reply.id)?.delete_at).toBeGreaterThan(0);
    expect((await call(sim, 'GET', `/api/v4/posts/${root.id}`, {token: org.alice.token})).status).toBe(404);
    const list = await call<PostList>(sim, 'GET', `/api/v4/channels/${org.general.id}/posts`, {token: org.alice.token});
    expect(list.body.order).toEqual([]);
  });
});
