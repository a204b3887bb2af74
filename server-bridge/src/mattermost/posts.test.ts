import {startSimulator, type RunningSimulator} from '../../../build/mattermost-sim/src/index';
import {seedDemoOrganisation, type DemoOrganisation} from '../../../build/mattermost-sim/src/seed/demoOrganisation';
import {addChannelMember} from '../../../build/mattermost-sim/src/services/channels';
import {createAccessToken, createBot, updateUser} from '../../../build/mattermost-sim/src/services/users';
import {type ClaimedNotice, type Notice, type PostingNotice, UndeliverableNoticeError} from '../domain/notices/ports';
import {MattermostRequestError} from './client';
import type {ConnectionSource} from './connection';
import {createBotPosts, createNoticeDeliverer, isPermanentMattermostFailure, MattermostUnreachableError, NOTICE_KEY_PROP} from './posts';

// Notices posted as the bot, over real HTTP against the simulator: DMs and
// channel posts carry their notice key, and a retry adopts the post an
// earlier attempt made instead of posting again.

describe('bot posts for notices', () => {
  let sim: RunningSimulator;
  let org: DemoOrganisation;
  let botUserId: string;
  let connection: ConnectionSource;

  beforeAll(async () => {
    sim = await startSimulator({idSeed: 'notice-posts'});
    org = seedDemoOrganisation(sim.ctx);
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.users.admin?.id ?? ''});
    updateUser(sim.ctx, bot.user_id, {roles: 'system_user system_admin'});
    addChannelMember(sim.ctx, org.channels.patents?.id ?? '', bot.user_id, {silent: true});
    botUserId = bot.user_id;
    const botToken = createAccessToken(sim.ctx, bot.user_id, 'bridge').token;
    connection = {get: async () => ({url: sim.url, botUserId, botToken, commandTokens: []})};
  });
  afterAll(() => sim.stop());
  afterEach(async () => {
    await fetch(`${sim.url}/__sim/faults`, {method: 'DELETE'});
  });

  const user = (name: string) => org.users[name]?.id ?? '';
  const postsWithKey = (key: string) => [...sim.ctx.store.posts.values()].filter((post) => post.props[NOTICE_KEY_PROP] === key);
  const claimed = (notice: PostingNotice, earlierAttemptsSince: Date | null = null): ClaimedNotice & {notice: PostingNotice} => ({id: '1', notice, attempts: earlierAttemptsSince ? 2 : 1, createdAt: new Date(), earlierAttemptsSince});
  const dmTo = (name: string, key: string): Extract<Notice, {kind: 'direct_post'}> => ({kind: 'direct_post', userId: user(name), idempotencyKey: key, post: {message: `Baton for ${name}`, type: 'custom_baton_handoff', props: {task_key: 'PAT-7'}}});

  it('DMs a user from the bot, in the same DM channel every time, with the notice key and a pending_post_id', async () => {
    const posts = createBotPosts({connection});
    const channelId = await posts.directChannelId(user('sato'));
    expect(await createBotPosts({connection}).directChannelId(user('sato'))).toBe(channelId);
    const deliver = createNoticeDeliverer({posts});
    const receipt = await deliver(claimed(dmTo('sato', 'handoff:PAT-7:1')));
    expect(receipt).toMatchObject({channelId, adopted: false});
    const [stored, ...others] = postsWithKey('handoff:PAT-7:1');
    expect(others).toEqual([]);
    expect(stored).toMatchObject({id: receipt.postId, channel_id: channelId, user_id: botUserId, type: 'custom_baton_handoff', pending_post_id: 'baton:handoff:PAT-7:1'});
    expect(stored?.props).toMatchObject({task_key: 'PAT-7', [NOTICE_KEY_PROP]: 'handoff:PAT-7:1', from_bot: 'true'});
    expect(sim.ctx.store.channels.get(channelId)?.type).toBe('D');
  });

  it('posts channel notices to the channel', async () => {
    const deliver = createNoticeDeliverer({posts: createBotPosts({connection})});
    const patents = org.channels.patents?.id ?? '';
    const receipt = await deliver(claimed({kind: 'channel_post', channelId: patents, idempotencyKey: 'created:PAT-8', post: {message: 'PAT-8 was created'}}));
    expect(receipt).toMatchObject({channelId: patents, adopted: false});
    expect(postsWithKey('created:PAT-8').map((post) => post.channel_id)).toEqual([patents]);
  });

  it('adopts the post an earlier attempt made instead of posting again', async () => {
    const posts = createBotPosts({connection});
    const deliver = createNoticeDeliverer({posts});
    const startedAt = new Date();
    const first = await deliver(claimed(dmTo('li', 'handoff:PAT-9:3')));
    // Its result was never recorded (the bridge died): the retry looks first.
    const retry = await deliver(claimed(dmTo('li', 'handoff:PAT-9:3'), startedAt));
    expect(retry).toEqual({postId: first.postId, channelId: first.channelId, adopted: true});
    expect(postsWithKey('handoff:PAT-9:3')).toHaveLength(1);
    // Only the bot's own posts with exactly this key count.
    expect(await posts.findNoticePost(first.channelId, 'handoff:PAT-9', startedAt)).toBeUndefined();
  });

  it('looks back from a little before the earlier attempt, for clock skew between the bridge and Mattermost', async () => {
    const posts = createBotPosts({connection});
    const first = await createNoticeDeliverer({posts})(claimed(dmTo('ivanova', 'skewed')));
    // The bridge's clock runs a minute ahead of Mattermost's.
    const bridgeSaysStartedAt = new Date(Date.now() + 60_000);
    expect(await createNoticeDeliverer({posts, clockSkewAllowanceMs: 0})(claimed(dmTo('ivanova', 'skewed'), bridgeSaysStartedAt))).toMatchObject({adopted: false});
    const adopted = await createNoticeDeliverer({posts, clockSkewAllowanceMs: 5 * 60_000})(claimed(dmTo('ivanova', 'skewed'), bridgeSaysStartedAt));
    expect(adopted).toMatchObject({adopted: true});
    // Mattermost's pending_post_id deduplication caught the skewed retry that did not look back far enough.
    expect(postsWithKey('skewed').map((post) => post.id)).toEqual([first.postId]);
  });

  it('reports refusals about the notice itself as undeliverable, and everything else as passing', async () => {
    const deliver = createNoticeDeliverer({posts: createBotPosts({connection})});
    const unknownUser = deliver(claimed({...dmTo('sato', 'nobody'), userId: 'nosuchuser0000000000000000'}));
    await expect(unknownUser).rejects.toBeInstanceOf(UndeliverableNoticeError);
    await expect(unknownUser).rejects.toThrow(/400 to POST \/channels\/direct \(api\.channel\.create_direct_channel\.invalid_user\.app_error\)/);
    const noSuchChannel = deliver(claimed({kind: 'channel_post', channelId: 'nosuchchannel0000000000000', idempotencyKey: 'nowhere', post: {message: 'x'}}));
    await expect(noSuchChannel).rejects.toBeInstanceOf(UndeliverableNoticeError);
    const tooLong = deliver(claimed({...dmTo('sato', 'too long'), post: {message: 'x'.repeat(16_384)}}));
    await expect(tooLong).rejects.toThrow(/400 to POST \/posts \(model\.post\.is_valid\.message_length\.app_error\)/);

    await fetch(`${sim.url}/__sim/faults`, {method: 'POST', body: JSON.stringify({status: 503, pathPrefix: '/api/v4/posts'})});
    const outage = deliver(claimed(dmTo('smith', 'outage')));
    await expect(outage).rejects.toBeInstanceOf(MattermostRequestError);
    await expect(outage).rejects.toThrow(/503/);

    const wrongToken = createNoticeDeliverer({posts: createBotPosts({connection: {get: async () => ({url: sim.url, botUserId, botToken: 'revoked', commandTokens: []})}})});
    await expect(wrongToken(claimed(dmTo('smith', 'revoked')))).rejects.toMatchObject({status: 401});
    expect(postsWithKey('outage')).toEqual([]);
  });

  it('reports a Mattermost that does not answer, without the token', async () => {
    const closed = await startSimulator();
    const url = closed.url;
    await closed.stop();
    const posts = createBotPosts({connection: {get: async () => ({url, botUserId, botToken: 'secret-token-value', commandTokens: []})}, timeoutMs: 2000});
    const failure = createNoticeDeliverer({posts})(claimed(dmTo('sato', 'refused')));
    await expect(failure).rejects.toBeInstanceOf(MattermostUnreachableError);
    await expect(failure).rejects.toThrow('Mattermost did not answer POST /channels/direct: ECONNREFUSED');
    await expect(failure).rejects.not.toThrow(/secret-token-value/);
    await expect(createNoticeDeliverer({posts: createBotPosts({connection: {get: async () => undefined}})})(claimed(dmTo('sato', 'no setup')))).rejects.toThrow(/not set up/);
  });

  it.each([
    [400, true],
    [403, true],
    [404, true],
    [413, true],
    [401, false],
    [408, false],
    [429, false],
    [500, false],
    [503, false],
  ])('treats a %i from Mattermost as permanent: %s', (status, permanent) => {
    expect(isPermanentMattermostFailure(new MattermostRequestError(status, 'POST /posts', undefined))).toBe(permanent);
  });

  it('never treats a network failure as permanent', () => {
    expect(isPermanentMattermostFailure(new MattermostUnreachableError('ETIMEDOUT'))).toBe(false);
    expect(isPermanentMattermostFailure(new TypeError('fetch failed'))).toBe(false);
  });
});
