import {sql} from 'kysely';
import type {PostingNotice} from '../domain/notices/ports';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {type Database, openDatabase} from './database';
import {createOutboxQueue, createOutboxWriter} from './outboxRepository';

// The notice outbox on both engines: notices commit and roll back with the
// transaction around them, and claims hand each due notice to one claimer at
// a time, under a lease that a crashed claimer lets run out.

const LEASE_MS = 60_000;

const handoffNotice = (key: string, userId = 'sato'): PostingNotice => ({
  kind: 'direct_post',
  userId,
  idempotencyKey: key,
  post: {message: `PAT-1 is yours now — ${key}`, type: 'custom_baton_handoff', props: {task_key: 'PAT-1', 拒絶理由: ['通知', 'Ответ']}},
});

describe.each(engineNames)('the outbox on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let clock = new Date('2026-11-20T09:00:00Z');
  const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(async () => {
    await sql`delete from outbox`.execute(database.db);
    tick(3_600_000);
  });

  const writer = () => createOutboxWriter(database.db, {now: () => clock});
  const queue = () => createOutboxQueue(database.db, {leaseMs: LEASE_MS});
  const keys = async () => (await database.db.selectFrom('outbox').select('idempotency_key').orderBy('id').execute()).map((row) => row.idempotency_key);

  it('commits a notice with the transaction that enqueued it, and drops it when that transaction rolls back', async () => {
    await database.db.transaction().execute(async (trx) => {
      await createOutboxWriter(trx, {now: () => clock}).enqueue(handoffNotice('handoff:committed'));
    });
    await expect(
      database.db.transaction().execute(async (trx) => {
        await createOutboxWriter(trx, {now: () => clock}).enqueue(handoffNotice('handoff:rolled-back'));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await keys()).toEqual(['handoff:committed']);
  });

  it('keeps one row when a key is enqueued twice, even inside one transaction', async () => {
    await database.db.transaction().execute(async (trx) => {
      const outbox = createOutboxWriter(trx, {now: () => clock});
      await outbox.enqueue(handoffNotice('reminder:PAT-1:2026-11-21'));
      await outbox.enqueue({...handoffNotice('reminder:PAT-1:2026-11-21'), post: {message: 'a second rendering'}});
    });
    await writer().enqueue(handoffNotice('reminder:PAT-1:2026-11-21'));
    expect(await keys()).toEqual(['reminder:PAT-1:2026-11-21']);
    const [claimed] = await queue().claimDue(clock, 10);
    expect((claimed?.notice as PostingNotice | undefined)?.post.message).toContain('PAT-1 is yours now');
  });

  it('refuses a malformed notice, failing the transaction instead of storing it', async () => {
    await expect(writer().enqueue({...handoffNotice(''), idempotencyKey: ''})).rejects.toThrow();
    await expect(writer().enqueue({kind: 'channel_post', channelId: '', idempotencyKey: 'k', post: {message: 'x'}})).rejects.toThrow();
    expect(await keys()).toEqual([]);
  });

  it('hands out due notices oldest first, whole, with their attempt count', async () => {
    await writer().enqueue(handoffNotice('first'));
    tick(1000);
    await writer().enqueue({kind: 'channel_post', channelId: 'patents', idempotencyKey: 'second', post: {message: 'PAT-2 was created'}});
    const claimed = await queue().claimDue(clock, 10);
    expect(claimed.map((item) => item.notice)).toEqual([
      handoffNotice('first'),
      {kind: 'channel_post', channelId: 'patents', idempotencyKey: 'second', post: {message: 'PAT-2 was created'}},
    ]);
    expect(claimed.map((item) => [item.attempts, item.earlierAttemptsSince])).toEqual([
      [1, null],
      [1, null],
    ]);
    expect(claimed[0]?.createdAt).toEqual(new Date(clock.getTime() - 1000));
  });

  it('leases a claimed notice: nobody else gets it until the lease runs out, then it comes back marked as tried', async () => {
    await writer().enqueue(handoffNotice('crashy'));
    const firstClaimAt = clock;
    expect(await queue().claimDue(clock, 10)).toHaveLength(1);
    tick(LEASE_MS - 1);
    expect(await queue().claimDue(clock, 10)).toEqual([]);
    // The claimer died mid-delivery: after the lease the row is due again, and
    // says since when an earlier attempt may have posted it.
    tick(1);
    const [again] = await queue().claimDue(clock, 10);
    expect(again).toMatchObject({attempts: 2, earlierAttemptsSince: firstClaimAt});
    tick(LEASE_MS);
    expect((await queue().claimDue(clock, 10))[0]).toMatchObject({attempts: 3, earlierAttemptsSince: firstClaimAt});
  });

  it('records a delivery once and never hands the notice out again', async () => {
    await writer().enqueue(handoffNotice('delivered'));
    const [claimed] = await queue().claimDue(clock, 10);
    await queue().markDelivered(claimed?.id ?? '', {postId: 'post-1', channelId: 'dm-1', adopted: false});
    // A late claimer whose lease ran out finishes second: the first result stays.
    await queue().markDelivered(claimed?.id ?? '', {postId: 'post-2', channelId: 'dm-1', adopted: true});
    await queue().markFailed(claimed?.id ?? '', 'late failure', clock);
    tick(LEASE_MS * 10);
    expect(await queue().claimDue(clock, 10)).toEqual([]);
    const row = await database.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({result: {postId: 'post-1', channelId: 'dm-1', adopted: false}, next_attempt_at: null, last_error: null, attempts: 1});
    expect(row.delivered_at).toBeInstanceOf(Date);
    expect(await queue().pending()).toEqual({undelivered: 0, failed: 0, oldestUndeliveredAt: null});
  });

  it('retries a failed notice at the time given, and gives up on one failed for good', async () => {
    await writer().enqueue(handoffNotice('retry'));
    const enqueuedAt = clock;
    tick(10);
    await writer().enqueue(handoffNotice('refused'));
    const [retry, refused] = await queue().claimDue(clock, 10);
    await queue().markFailed(retry?.id ?? '', 'Mattermost answered 503 to POST /posts', new Date(clock.getTime() + 5000));
    await queue().markFailed(refused?.id ?? '', 'Mattermost answered 400 to POST /channels/direct', null);
    expect(await queue().pending()).toEqual({undelivered: 1, failed: 1, oldestUndeliveredAt: enqueuedAt});
    tick(4999);
    expect(await queue().claimDue(clock, 10)).toEqual([]);
    tick(1);
    expect((await queue().claimDue(clock, 10)).map((item) => [item.notice.idempotencyKey, item.attempts])).toEqual([['retry', 2]]);
    tick(LEASE_MS * 100);
    expect((await queue().claimDue(clock, 10)).map((item) => item.notice.idempotencyKey)).toEqual(['retry']);
    const refusedRow = await database.db.selectFrom('outbox').select(['last_error', 'next_attempt_at']).where('idempotency_key', '=', 'refused').executeTakeFirstOrThrow();
    expect(refusedRow).toEqual({last_error: 'Mattermost answered 400 to POST /channels/direct', next_attempt_at: null});
  });

  it('never hands one notice to two concurrent claimers', async () => {
    for (let i = 0; i < 60; i++) await writer().enqueue(handoffNotice(`concurrent-${i}`));
    const batches = await Promise.all(Array.from({length: 12}, () => queue().claimDue(clock, 7)));
    const ids = batches.flat().map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    // 12 × 7 = 84 places for 60 rows: every row was claimed exactly once.
    expect(ids).toHaveLength(60);
  });

  if (engine === 'postgres') {
    it('skips rows another claimer holds instead of waiting for them (SKIP LOCKED)', async () => {
      for (const key of ['held', 'free-1', 'free-2']) await writer().enqueue(handoffNotice(key));
      let release: () => void = () => undefined;
      let locked: () => void = () => undefined;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // Another replica's claim, caught between locking its row and committing.
      const holder = database.db.transaction().execute(async (trx) => {
        await sql`select id from outbox where idempotency_key = 'held' for update`.execute(trx);
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await isLocked;
      try {
        const claimed = await Promise.race([
          queue().claimDue(clock, 10),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('claimDue waited for a locked row')), 5000)),
        ]);
        expect(claimed.map((item) => item.notice.idempotencyKey)).toEqual(['free-1', 'free-2']);
      } finally {
        release();
        await holder;
      }
      expect((await queue().claimDue(clock, 10)).map((item) => item.notice.idempotencyKey)).toEqual(['held']);
    });
  }
});
