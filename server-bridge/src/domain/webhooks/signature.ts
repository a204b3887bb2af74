import {createHmac, timingSafeEqual} from 'node:crypto';

// The signature of a webhook delivery (README "Webhooks"): HMAC-SHA256 with
// the subscription's secret over `<timestamp>.<body>`, hex, as
// `X-Baton-Signature: v1=<hex>` next to `X-Baton-Timestamp: <timestamp>`.
// Signing the timestamp with the body stops a captured delivery from being
// replayed later with a fresh timestamp; `v1=` leaves room for another scheme.

export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex')}`;
}

/** How old a delivery's timestamp may be before a receiver should refuse it. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** What a receiver does (the README's example in code): the signature matches and the timestamp is recent. */
export function verifyWebhook(secret: string, headers: {timestamp: string; signature: string}, body: string, nowSeconds: number): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
