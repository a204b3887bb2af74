import {WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER} from '../contract/webhooks';
import {type ClaimedNotice, type DeliveryReceipt, UndeliverableNoticeError} from '../domain/notices/ports';
import {signWebhook} from '../domain/webhooks/signature';
import type {WebhookDeliveryLog, WebhookNotice} from '../domain/webhooks/ports';
import type {DeliverNotice} from './deliveryWorker';
import {webhookPayload} from './webhookPayload';

// Sends one webhook delivery (an outbox notice of kind `webhook`): a signed
// JSON POST to the subscription's URL. The delivery worker's backoff and
// exactly-once claim apply as to every notice; this decides what an answer
// means:
//   2xx                         delivered.
//   5xx, 408, 429, no answer    passing: thrown, so the worker retries with
//                               backoff, until `maxAttempts` attempts are made.
//   3xx                         given up: redirects are never followed (a
//                               receiver that moved must be subscribed anew,
//                               and a redirect cannot carry the body elsewhere).
//   any other 4xx               given up: the receiver refuses this delivery.
// A deleted subscription gives up too. Every attempt is recorded on the
// delivery and as the subscription's last status.

export interface WebhookSenderDeps {
  log: WebhookDeliveryLog;
  /** How long to wait for an answer (BATON_WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  /** Attempts before giving up on passing failures (BATON_WEBHOOK_MAX_ATTEMPTS). */
  maxAttempts: number;
  now(): Date;
  /** Injectable for tests; Node's fetch by default. */
  fetch?: typeof fetch;
}

type WebhookClaim = ClaimedNotice & {notice: WebhookNotice & {idempotencyKey: string}};

/** Longest part of a receiver's answer kept as the error. */
const MAX_BODY_IN_ERROR = 200;

export function createWebhookSender({log, timeoutMs, maxAttempts, now, fetch: send = fetch}: WebhookSenderDeps) {
  return async function deliverWebhook(claimed: WebhookClaim): Promise<DeliveryReceipt> {
    const {notice} = claimed;
    const receipt: DeliveryReceipt = {postId: '', channelId: notice.event.channelId, adopted: false};
    const record = (status: number | null, error: string | null, outcome: 'delivered' | 'retrying' | 'failed') =>
      log.recordAttempt({deliveryId: notice.deliveryId, subscriptionId: notice.subscriptionId, at: now(), status, error, outcome});

    const target = await log.target(notice.subscriptionId);
    if (!target) {
      await record(null, 'the subscription was deleted', 'failed');
      throw new UndeliverableNoticeError(`webhook ${notice.subscriptionId} was deleted`);
    }
    const lastChance = claimed.attempts >= maxAttempts;
    const answered = await postSigned(target, JSON.stringify(webhookPayload(notice)), {timeoutMs, now, send});
    if (answered.status === null) return giveUpOrRetry(null, answered.reason);
    const {status, answer} = answered;

    if (status >= 200 && status < 300) {
      await record(status, null, 'delivered');
      return receipt;
    }
    if (status >= 300 && status < 400) {
      await record(status, `HTTP ${status} (redirects are not followed)`, 'failed');
      throw new UndeliverableNoticeError(`webhook ${notice.subscriptionId}: redirect not followed (HTTP ${status})`);
    }
    const reason = `HTTP ${status}${answer ? `: ${answer}` : ''}`;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      await record(status, reason, 'failed');
      throw new UndeliverableNoticeError(`webhook ${notice.subscriptionId}: receiver refused it (HTTP ${status})`);
    }
    return giveUpOrRetry(status, reason);

    async function giveUpOrRetry(status: number | null, reason: string): Promise<never> {
      if (lastChance) {
        await record(status, `${reason} (gave up after ${claimed.attempts} attempts)`, 'failed');
        throw new UndeliverableNoticeError(`webhook ${notice.subscriptionId}: ${reason}; gave up after ${claimed.attempts} attempts`);
      }
      await record(status, reason, 'retrying');
      throw new Error(`webhook ${notice.subscriptionId}: ${reason}`);
    }
  };
}

/**
 * POSTs a body signed for this moment: a retry is signed anew when it is
 * sent, so a receiver's 5-minute window holds for retries too. Redirects are
 * answers, never followed.
 */
async function postSigned(
  target: {url: string; secret: string},
  body: string,
  {timeoutMs, now, send}: {timeoutMs: number; now(): Date; send: typeof fetch},
): Promise<{status: number; answer: string} | {status: null; reason: string}> {
  const timestamp = Math.floor(now().getTime() / 1000);
  try {
    const response = await send(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Baton-Webhooks/1',
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(target.secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return {status: response.status, answer: (await response.text().catch(() => '')).slice(0, MAX_BODY_IN_ERROR)};
  } catch (error) {
    return {status: null, reason: isTimeout(error) ? `no answer within ${timeoutMs} ms` : `could not reach the receiver: ${describe(error)}`};
  }
}

/** Webhook notices go to the sender; every other notice to `next` (Mattermost). */
export function webhooksFirst(sender: ReturnType<typeof createWebhookSender>, next: DeliverNotice): DeliverNotice {
  return (claimed) => (claimed.notice.kind === 'webhook' ? sender(claimed as WebhookClaim) : next(claimed));
}

/** AbortSignal.timeout's DOMException; compared by name, as it may come from another realm (jest's VM) than this module's Error. */
function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as {name?: unknown}).name === 'TimeoutError';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch's TypeError ("fetch failed") hides the reason (ECONNREFUSED, ENOTFOUND) in its cause.
  const cause = (error as Error & {cause?: unknown}).cause;
  return cause instanceof Error ? cause.message : error.message;
}
