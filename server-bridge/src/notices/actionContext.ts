import type {BinaryLike, KeyObject} from 'node:crypto';
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {z} from 'zod';

// Mattermost posts a button's `integration.context` back to the bridge as it
// was written, but unsigned, and anyone who can reach the bridge can post
// anything (DESIGN.md, "Identity"). So every context the
// bridge emits carries an HMAC-SHA256 over its payload, its expiry and a
// random nonce, and a click is believed only when that HMAC verifies.
//
// Replay: a valid context can be posted again until it expires. Refusing that
// needs storage, which this module has not: a successful verification returns
// the `nonce` and `expiresAt`, and the caller records each nonce when its
// action takes effect (not when a dialog merely opens: a cancelled dialog has
// used nothing) and refuses a recorded one. Records may be dropped once their
// `expiresAt` has passed, since the signature check refuses the context then.
// Buttons live as long as their post, so the TTL is how long a button works.

export type JsonValue = string | number | boolean | null | JsonValue[] | {[key: string]: JsonValue};
export type JsonObject = {[key: string]: JsonValue};

/** A `type`, not an `interface`, so it fits `Record<string, unknown>` (what an attachment's context is). */
export type SignedActionContext = {
  v: 1;
  /** What the button is for, as the caller gave it (after a JSON round trip: dates become strings). */
  payload: JsonObject;
  /** ISO 8601, UTC. */
  expiresAt: string;
  /** 16 random bytes, base64url: tells two contexts with the same payload apart, for replay records. */
  nonce: string;
  /** HMAC-SHA256 over the canonical JSON of {payload, expiresAt, nonce} (see `signedText`), base64url. */
  signature: string;
};

export type ActionContextKey = BinaryLike | KeyObject;

export interface SignOptions {
  key: ActionContextKey;
  now: Date;
  ttlMs: number;
}

export interface VerifyOptions {
  key: ActionContextKey;
  now: Date;
}

/**
 * - `malformed`: not a context this module wrote (missing parts, wrong shapes,
 *   or a payload its schema refuses).
 * - `tampered`: shaped right, but the signature does not match (changed
 *   payload, expiry or nonce, or signed with another key).
 * - `expired`: genuine, but past its expiry.
 */
export type ActionContextFailure = 'tampered' | 'expired' | 'malformed';

export type ActionContextVerification<Payload> =
  | {ok: true; payload: Payload; nonce: string; expiresAt: Date}
  | {ok: false; reason: ActionContextFailure};

/** Bumping it retires every button already posted; keep it while the signed text stays the same. */
const CONTEXT_VERSION = 1;
/** Keeps these signatures apart from any other HMAC made with the same key (e.g. dialog state). */
const PURPOSE = 'baton.action-context';
const NONCE_BYTES = 16;

const BASE64URL_NONCE = /^[A-Za-z0-9_-]{22}$/;
const BASE64URL_SHA256 = /^[A-Za-z0-9_-]{43}$/;

const contextShape = z.object({
  v: z.literal(CONTEXT_VERSION),
  payload: z.record(z.string(), z.unknown()),
  expiresAt: z.iso.datetime(),
  nonce: z.string().regex(BASE64URL_NONCE),
  signature: z.string().regex(BASE64URL_SHA256),
});

export function signActionContext(payload: Record<string, unknown>, {key, now, ttlMs}: SignOptions): SignedActionContext {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${ttlMs}`);
  // The context travels as JSON; signing the JSON form means what comes back
  // verifies (a Date comes back as its string, an undefined field not at all).
  const jsonPayload = JSON.parse(JSON.stringify(payload)) as JsonObject;
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const nonce = randomBytes(NONCE_BYTES).toString('base64url');
  return {v: CONTEXT_VERSION, payload: jsonPayload, expiresAt, nonce, signature: hmac(key, signedText(jsonPayload, expiresAt, nonce)).toString('base64url')};
}

export function verifyActionContext(context: unknown, options: VerifyOptions): ActionContextVerification<JsonObject>;
export function verifyActionContext<Payload>(
  context: unknown,
  options: VerifyOptions & {payloadSchema: z.ZodType<Payload>},
): ActionContextVerification<Payload>;
export function verifyActionContext<Payload>(
  context: unknown,
  {key, now, payloadSchema}: VerifyOptions & {payloadSchema?: z.ZodType<Payload>},
): ActionContextVerification<Payload | JsonObject> {
  const parsed = contextShape.safeParse(context);
  if (!parsed.success) return {ok: false, reason: 'malformed'};
  const {payload, expiresAt, nonce, signature} = parsed.data;

  let text: string;
  try {
    text = signedText(payload, expiresAt, nonce);
  } catch {
    return {ok: false, reason: 'malformed'};
  }
  // Both sides are 32 bytes (the shape check fixed the length), so
  // timingSafeEqual compares them without leaking where they differ.
  if (!timingSafeEqual(hmac(key, text), Buffer.from(signature, 'base64url'))) return {ok: false, reason: 'tampered'};

  // Checked after the signature: a forged later expiry is 'tampered'.
  const expiry = new Date(expiresAt);
  if (now.getTime() >= expiry.getTime()) return {ok: false, reason: 'expired'};

  if (!payloadSchema) return {ok: true, payload: payload as JsonObject, nonce, expiresAt: expiry};
  const typed = payloadSchema.safeParse(payload);
  if (!typed.success) return {ok: false, reason: 'malformed'};
  return {ok: true, payload: typed.data, nonce, expiresAt: expiry};
}

function hmac(key: ActionContextKey, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/** Versioned and purpose-bound, then the canonical JSON of the signed parts. */
function signedText(payload: Record<string, unknown>, expiresAt: string, nonce: string): string {
  return `${PURPOSE}.v${CONTEXT_VERSION}\n${canonicalJson({payload, expiresAt, nonce})}`;
}

/**
 * JSON with object keys sorted at every level: Mattermost (Go) stores the
 * context as a map and writes it back with its keys reordered, so the bytes
 * the bridge wrote cannot be what it checks. Throws on what JSON cannot hold.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
}
