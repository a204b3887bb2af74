import {randomBytes} from 'node:crypto';
import type {JsonValue, SettingsStore} from '../domain/settings';
import {StartupError, type UnauthorizedReason} from '../errors';

// The bridge session of DESIGN.md "Identity" §2: `/task connect` hands the
// webapp a short-lived token naming the Mattermost user; the webapp sends it
// as `Authorization: Bearer` and renews it before it expires. It is an HS256
// JWT signed with a key only the bridge knows, so verifying it needs no
// database or Mattermost call.

export const SESSION_SIGNING_KEY_SETTING = 'bridge.session_signing_key';
/** Signs the contexts of notice buttons and the state of their dialogs (notices/actionContext.ts). */
export const ACTION_SIGNING_KEY_SETTING = 'bridge.action_signing_key';
export const SESSION_ISSUER = 'baton-bridge';
export const DEFAULT_SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
const SIGNING_KEY_BYTES = 32;
// Replicas' clocks may differ a little; a token is not refused for a few seconds of skew.
const CLOCK_TOLERANCE_SECONDS = 30;

/** Who a session names. */
export interface SessionSubject {
  userId: string;
  /** Mattermost guest account: sees only tasks of channels it belongs to. */
  guest: boolean;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export interface VerifiedSession extends SessionSubject {
  expiresAt: Date;
}

export type SessionFailure = Exclude<UnauthorizedReason, 'missing'>;

export type SessionVerification = {ok: true; session: VerifiedSession} | {ok: false; reason: SessionFailure};

export interface SessionOptions {
  /** Default 12 h. Verification refuses tokens issued longer ago than this, whatever their `exp` says. */
  lifetimeSeconds?: number;
}

// jose is ESM-only; this CommonJS package loads it with import() (kept as a
// real dynamic import by `module: node16`).
const loadJose = () => import('jose');

export async function issueSessionToken(key: Uint8Array, subject: SessionSubject, now: Date = new Date(), options: SessionOptions = {}): Promise<IssuedSession> {
  const {SignJWT} = await loadJose();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + (options.lifetimeSeconds ?? DEFAULT_SESSION_LIFETIME_SECONDS);
  const token = await new SignJWT({guest: subject.guest})
    .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
    .setSubject(subject.userId)
    .setIssuer(SESSION_ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key);
  return {token, expiresAt: new Date(expiresAt * 1000)};
}

export async function verifySessionToken(key: Uint8Array, token: string, now: Date = new Date(), options: SessionOptions = {}): Promise<SessionVerification> {
  const {jwtVerify, errors} = await loadJose();
  try {
    const {payload} = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: SESSION_ISSUER,
      requiredClaims: ['sub', 'exp'],
      maxTokenAge: options.lifetimeSeconds ?? DEFAULT_SESSION_LIFETIME_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof payload.guest !== 'boolean' || typeof payload.exp !== 'number') {
      return {ok: false, reason: 'malformed'};
    }
    return {ok: true, session: {userId: payload.sub, guest: payload.guest, expiresAt: new Date(payload.exp * 1000)}};
  } catch (error) {
    if (error instanceof errors.JWTExpired) return {ok: false, reason: 'expired'};
    if (error instanceof errors.JWSSignatureVerificationFailed) return {ok: false, reason: 'bad_signature'};
    // Wrong algorithm, wrong issuer, missing claims, not a JWT at all.
    if (error instanceof errors.JOSEError) return {ok: false, reason: 'malformed'};
    throw error;
  }
}

/**
 * A token that verifies names a person who may have been deactivated in
 * Mattermost since it was issued: they are refused (`deactivated`) at once,
 * not when the token runs out. `isActive` is mattermost/activeUsers.ts.
 */
export async function verifyActiveSession(
  key: Uint8Array,
  token: string,
  standing: (userId: string) => Promise<{active: boolean; guest: boolean}>,
  now: Date = new Date(),
  options: SessionOptions = {},
): Promise<SessionVerification> {
  const result = await verifySessionToken(key, token, now, options);
  if (!result.ok) return result;
  const account = await standing(result.session.userId);
  if (!account.active) return {ok: false, reason: 'deactivated'};
  // The guest flag is Mattermost's today, not the token's: a member made a guest sees a guest's tasks at once.
  return {ok: true, session: {...result.session, guest: account.guest}};
}

/**
 * The signing key, created on first use. Within one process the settings
 * store's insert-if-absent makes concurrent first calls agree. With several
 * replicas on PostgreSQL the same holds across processes: the first writer
 * wins and every other replica reads back the winner's key, so tokens issued
 * by one replica verify on all.
 */
export async function loadOrCreateSigningKey(
  settings: SettingsStore,
  generate: () => Uint8Array = () => randomBytes(SIGNING_KEY_BYTES),
  setting: string = SESSION_SIGNING_KEY_SETTING,
): Promise<Uint8Array> {
  const stored = await settings.get(setting);
  if (stored !== undefined) return decodeSigningKey(stored, setting);
  const candidate = Buffer.from(generate()).toString('base64');
  return decodeSigningKey(await settings.setIfAbsent(setting, candidate), setting);
}

function decodeSigningKey(stored: JsonValue, setting: string): Uint8Array {
  const bytes = typeof stored === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(stored) ? Buffer.from(stored, 'base64') : undefined;
  if (!bytes || bytes.length < SIGNING_KEY_BYTES) {
    throw new StartupError([
      `settings: ${setting} is not a base64 key of at least ${SIGNING_KEY_BYTES} bytes; delete it and a new key is made on start (what it signed then stops working: webapp sessions reconnect, old buttons must be used from a new notice).`,
    ]);
  }
  return new Uint8Array(bytes);
}
