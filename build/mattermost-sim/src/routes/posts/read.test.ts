import type {RunningSimulator} from '../../index';
import type {PostList} from '../../services/postLists';
import {createPost, deletePost, editPost} from '../../services/posts';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../../testKit';

describe('posts: a channel since a time (api4/post.go getPostsForChannel, store GetPostsSince)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  let clock = 10_000;
  beforeEach(async () => {
    sim = await startTestSimulator();
    sim.ctx.now = () => (clock += 10);
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  const since = (value: string) => call<PostList>(sim, 'GET', `/api/v4/channels/${org.general.id}/posts?since=${value}`, {token: org.alice.token});

  it('lists posts created, edited or deleted after the time (deleted ones included), newest first, with their roots and no cursors', async () => {
    const old = createPost(sim.ctx, {channel_id: org.general.id, user_id: org.alice.user.id, message: 'old'});
    const edited = createPost(sim.ctx, {channel_id: org.general.id, user_id: org.alice.user.id, message: 'edited later'});
    const gone = createPost(sim.ctx, {channel_id: org.general.id, user_id: org.alice.user.id, message: 'deleted later'});
    const cut = clock;
    const fresh = createPost(sim.ctx, {channel_id: org.general.id, user_id: org.bob.user.id, message: 'fresh'});
    const reply = createPost(sim.ctx, {channel_id: org.general.id, user_id: org.bob.user.id, message: 'reply', root_id: old.id});
    editPost(sim.ctx, edited.id, {message: 'edited now'});
    deletePost(sim.ctx, gone.id, org.alice.user.id);
    createPost(sim.ctx, {channel_id: org.dm.id, user_id: org.bob.user.id, message: 'elsewhere'});

    const list = (await since(String(cut))).body;
    expect(list.order).toEqual([reply.id, fresh.id, gone.id, edited.id]);
    expect(Object.keys(list.posts).sort()).toEqual([old.id, edited.id, gone.id, fresh.id, reply.id].sort());
    expect(list.posts[gone.id]?.delete_at).toBeGreaterThan(0);
    expect(list).toMatchObject({next_post_id: '', prev_post_id: '', has_next: false});
  });

  it('treats since=0 as no since, and refuses one that is not an integer', async () => {
    createPost(sim.ctx, {channel_id: org.general.id, user_id: org.alice.user.id, message: 'page'});
    expect((await since('0')).body.order).toHaveLength(1);
    const bad = await since('yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({id: 'api.context.invalid_body_param.app_error'});
  });
});
