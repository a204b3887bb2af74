import type {RunningSimulator} from '../../index';
import {PENDING_POST_ID_TTL_MS} from '../../services/pendingPostIds';
import {deletePost} from '../../services/posts';
import type {Post} from '../../store/entities';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../../testKit';

// app/post.go deduplicateCreatePost: retries carrying one pending_post_id
// make one post, for 30 s.

describe('posts: pending_post_id deduplication (app/post.go deduplicateCreatePost)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  let clock = 5_000_000;
  beforeEach(async () => {
    sim = await startTestSimulator();
    sim.ctx.now = () => clock;
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  const create = (token: string, body: Record<string, unknown>) => call<Post & {id: string}>(sim, 'POST', '/api/v4/posts', {token, body: {channel_id: org.general.id, ...body}});
  const stored = (message: string) => [...sim.ctx.store.posts.values()].filter((post) => post.message === message);

  it('answers a retry within 30 s with the post already made (201), and makes a new post after that', async () => {
    const first = await create(org.alice.token, {message: 'once', pending_post_id: 'alice:1'});
    expect(first.status).toBe(201);
    clock += PENDING_POST_ID_TTL_MS - 1;
    const retry = await create(org.alice.token, {message: 'once', pending_post_id: 'alice:1'});
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(stored('once')).toHaveLength(1);
    // The window runs from the save, not from later retries.
    clock += 1;
    expect((await create(org.alice.token, {message: 'once', pending_post_id: 'alice:1'})).body.id).not.toBe(first.body.id);
    expect(stored('once')).toHaveLength(2);
  });

  it('accepts any string (IsValid never checks it) and keys on the bare string, not the user', async () => {
    const odd = 'baton:handoff:タスク-1:\u00e9'.repeat(20);
    const first = await create(org.alice.token, {message: 'keyed', pending_post_id: odd});
    expect(first.status).toBe(201);
    // Bob can read the channel, so he gets Alice's post back.
    expect((await create(org.bob.token, {message: 'keyed', pending_post_id: odd})).body.id).toBe(first.body.id);
    expect(stored('keyed')).toHaveLength(1);
  });

  it('ignores the id when the caller may not read the earlier post, and creates', async () => {
    const secret = await call<Post>(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.secret.id, message: 'private', pending_post_id: 'shared-id'}});
    const other = await create(org.bob.token, {message: 'public', pending_post_id: 'shared-id'});
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(secret.body.id);
    expect(other.body.message).toBe('public');
  });

  it('lets a retry create after a failed create, and fails with 500 when the earlier post is gone', async () => {
    const tooLong = await create(org.alice.token, {message: 'x'.repeat(16_384), pending_post_id: 'retry-me'});
    expect(tooLong.status).toBe(400);
    expect((await create(org.alice.token, {message: 'fixed', pending_post_id: 'retry-me'})).status).toBe(201);

    const doomed = await create(org.alice.token, {message: 'doomed', pending_post_id: 'gone'});
    deletePost(sim.ctx, doomed.body.id, org.alice.user.id);
    const retry = await create(org.alice.token, {message: 'doomed', pending_post_id: 'gone'});
    expect(retry.status).toBe(500);
    expect(retry.body).toMatchObject({id: 'api.post.deduplicate_create_post.failed_to_get'});
  });

  it('does not deduplicate posts without a pending_post_id', async () => {
    await create(org.alice.token, {message: 'twice'});
    await create(org.alice.token, {message: 'twice'});
    expect(stored('twice')).toHaveLength(2);
  });
});
