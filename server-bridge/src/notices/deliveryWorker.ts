import {type ClaimedNotice, type DeliveryReceipt, type OutboxQueue, UndeliverableNoticeError} from '../domain/notices/ports';
import type {Clock} from '../domain/tasks/ports';
import type {Logger} from '../logging/logger';

// Delivers the outbox: claims due notices, hands each to `deliver` (which
// posts to Mattermost, adopting an earlier attempt's post), and records the
// outcome. A passing failure (Mattermost down or slow, 5xx, 429, setup not
// run) is retried with exponential backoff and jitter, forever: a notice is
// never dropped because Mattermost was away. A notice Mattermost refuses for
// good (UndeliverableNoticeError: a 4xx about the notice itself) is recorded
// with the reason and not tried again; `pending().failed` counts those.
//
// Several workers (one per bridge replica) may run on one database: claims
// are leased, so they never deliver the same notice at the same time.

export type DeliverNotice = (claimed: ClaimedNotice) => Promise<DeliveryReceipt>;

export interface DeliveryWorkerOptions {
  queue: OutboxQueue;
  deliver: DeliverNotice;
  clock: Clock;
  /** Retry n waits about baseMs·2^(n-1), at most capMs, jittered to 50–100 % of that. */
  backoff: {baseMs: number; capMs: number};
  /** How often to look for due notices when nothing wakes the worker. */
  pollMs: number;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  /** Notices claimed per pass. */
  batchSize?: number;
  /** Deliveries in flight at once within a pass. */
  concurrency?: number;
  /** Uniform in [0, 1); injectable so tests can pin the jitter. */
  random?: () => number;
}

export interface DeliveryWorker {
  /** Starts polling (and delivers whatever is already due). */
  start(): void;
  /** Stops polling and resolves once deliveries in flight have been recorded. */
  stop(): Promise<void>;
  /** Call after committing a notice: delivery starts now instead of at the next poll. */
  wake(): void;
  /** One pass: claims due notices, delivers and records each. Resolves with how many were claimed. */
  runOnce(): Promise<number>;
}

/** The wait before the next attempt, after `attempts` attempts have failed. */
export function backoffDelayMs(attempts: number, {baseMs, capMs}: DeliveryWorkerOptions['backoff'], random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  // "Equal jitter": spreads retries of many notices that failed together (an
  // outage) without ever retrying at once.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const {queue, deliver, clock, backoff, pollMs, logger, batchSize = 20, concurrency = 4, random = Math.random} = options;

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let wokenDuringPass = false;
  /** Earliest retry scheduled by the last pass, so a short backoff is not stretched to pollMs. */
  let earliestRetryAt: number | undefined;

  async function deliverOne(claimed: ClaimedNotice): Promise<void> {
    const about = {outboxId: claimed.id, kind: claimed.notice.kind, key: claimed.notice.idempotencyKey, attempt: claimed.attempts};
    let receipt: DeliveryReceipt;
    try {
      receipt = await deliver(claimed);
    } catch (error) {
      const reason = describe(error);
      if (error instanceof UndeliverableNoticeError) {
        await queue.markFailed(claimed.id, reason, null);
        logger.warn({...about, error: reason}, 'notice refused by Mattermost; not retrying');
        return;
      }
      const delayMs = backoffDelayMs(claimed.attempts, backoff, random);
      const retryAt = clock.now().getTime() + delayMs;
      await queue.markFailed(claimed.id, reason, new Date(retryAt));
      earliestRetryAt = Math.min(earliestRetryAt ?? retryAt, retryAt);
      logger.warn({...about, error: reason, retryInMs: delayMs}, 'notice delivery failed; will retry');
      return;
    }
    // Should this fail (the database went away), the lease runs out and the
    // next attempt adopts the post just made.
    await queue.markDelivered(claimed.id, receipt);
    logger.debug({...about, postId: receipt.postId, adopted: receipt.adopted}, 'notice delivered');
  }

  async function runOnce(): Promise<number> {
    const claimed = await queue.claimDue(clock.now(), batchSize);
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) {
        const item = claimed[next++] as ClaimedNotice;
        await deliverOne(item).catch((error: unknown) => logger.error({outboxId: item.id, error: describe(error)}, 'could not record a notice delivery'));
      }
    };
    await Promise.all(Array.from({length: Math.min(concurrency, claimed.length)}, lane));
    return claimed.length;
  }

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    timer = setTimeout(kick, Math.max(0, delayMs));
  }

  function kick(): void {
    if (!running) return;
    if (pass) {
      wokenDuringPass = true;
      return;
    }
    earliestRetryAt = undefined;
    pass = runOnce()
      .then((claimedCount) => claimedCount >= batchSize)
      .catch((error: unknown) => {
        // The database is away: keep polling, nothing is lost.
        logger.error({error: describe(error)}, 'could not claim notices from the outbox');
        return false;
      })
      .then((moreWaiting) => {
        pass = undefined;
        if (!running) return;
        if (moreWaiting || wokenDuringPass) {
          wokenDuringPass = false;
          schedule(0);
          return;
        }
        const untilRetry = earliestRetryAt === undefined ? pollMs : earliestRetryAt - clock.now().getTime();
        schedule(Math.min(pollMs, untilRetry));
      });
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await pass;
    },
    wake() {
      if (running) schedule(0);
    },
    runOnce,
  };
}

/** The error for logs and last_error: messages only (they carry method, path and Mattermost's error id, never a token). */
function describe(error: unknown): string {
  if (error instanceof Error) return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}
