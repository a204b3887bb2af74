import {StartupError} from '../errors';
import {type Database, openDatabase} from '../storage/database';
import {createSettingsRepository} from '../storage/settingsRepository';
import {freshStorage, type TestStorage} from '../testing/engines';
import {
  DEFAULT_SESSION_LIFETIME_SECONDS,
  SESSION_SIGNING_KEY_SETTING,
  issueSessionToken,
  loadOrCreateSigningKey,
  verifyActiveSession,
  verifySessionToken,
} from './bridgeSession';

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);
const issuedAt = new Date('2025-03-31T00:00:00.000Z');
const later = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);
const sato = {userId: 'satouserid0000000000000000', guest: false};

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

describe('bridge session tokens', () => {
  it('name the user and whether they are a guest, for 12 hours', async () => {
    const {token, expiresAt} = await issueSessionToken(key, {userId: sato.userId, guest: true}, issuedAt);
    expect(expiresAt).toEqual(later(DEFAULT_SESSION_LIFETIME_SECONDS));
    expect(await verifySessionToken(key, token, later(60))).toEqual({ok: true, session: {userId: sato.userId, guest: true, expiresAt}});
  });

  it('carry sub, guest, iat, exp and the bridge as issuer', async () => {
    const {token} = await issueSessionToken(key, sato, issuedAt);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toEqual({sub: sato.userId, guest: false, iss: 'baton-bridge', iat: issuedAt.getTime() / 1000, exp: issuedAt.getTime() / 1000 + 12 * 3600});
  });

  it('expire', async () => {
    const {token} = await issueSessionToken(key, sato, issuedAt, {lifetimeSeconds: 600});
    expect(await verifySessionToken(key, token, later(590), {lifetimeSeconds: 600})).toMatchObject({ok: true});
    expect(await verifySessionToken(key, token, later(700), {lifetimeSeconds: 600})).toEqual({ok: false, reason: 'expired'});
  });

  it('refuse a token whose claims were changed', async () => {
    const {token} = await issueSessionToken(key, sato, issuedAt);
    const [header, , signature] = token.split('.');
    const forged = base64url(JSON.stringify({sub: 'adminuserid000000000000000', guest: false, iss: 'baton-bridge', iat: issuedAt.getTime() / 1000, exp: issuedAt.getTime() / 1000 + 3600}));
    expect(await verifySessionToken(key, `${header}.${forged}.${signature}`, later(60))).toEqual({ok: false, reason: 'bad_signature'});
  });

  it('refuse a token signed with another key', async () => {
    const {token} = await issueSessionToken(otherKey, sato, issuedAt);
    expect(await verifySessionToken(key, token, later(60))).toEqual({ok: false, reason: 'bad_signature'});
  });

  it('refuse what is not one of its tokens', async () => {
    const unsigned = `${base64url(JSON.stringify({alg: 'none'}))}.${base64url(JSON.stringify({sub: sato.userId, guest: false, iss: 'baton-bridge', exp: 2e9}))}.`;
    for (const token of ['', 'not-a-token', 'a.b.c', unsigned]) {
      expect(await verifySessionToken(key, token, later(60))).toEqual({ok: false, reason: 'malformed'});
    }
  });

  it('refuse a token issued in the future or with a wrong guest claim', async () => {
    const {token: future} = await issueSessionToken(key, sato, later(3600));
    expect(await verifySessionToken(key, future, issuedAt)).toEqual({ok: false, reason: 'malformed'});
    const {SignJWT} = await import('jose');
    const stringGuest = await new SignJWT({guest: 'no'}).setProtectedHeader({alg: 'HS256'}).setSubject(sato.userId).setIssuer('baton-bridge').setIssuedAt(issuedAt).setExpirationTime(later(3600)).sign(key);
    expect(await verifySessionToken(key, stringGuest, later(60))).toEqual({ok: false, reason: 'malformed'});
  });
});

describe('a session of a deactivated user', () => {
  it('is refused although its token verifies, and Mattermost is asked only about verified tokens', async () => {
    const asked: string[] = [];
    const isActive = async (userId: string) => {
      asked.push(userId);
      return {active: userId !== sato.userId, guest: false};
    };
    const {token} = await issueSessionToken(key, sato, issuedAt);
    expect(await verifyActiveSession(key, token, isActive, later(60))).toEqual({ok: false, reason: 'deactivated'});
    const {token: other} = await issueSessionToken(key, {userId: 'liuserid000000000000000000', guest: false}, issuedAt);
    expect(await verifyActiveSession(key, other, isActive, later(60))).toMatchObject({ok: true, session: {userId: 'liuserid000000000000000000'}});
    expect(await verifyActiveSession(key, token, isActive, later(13 * 3600))).toEqual({ok: false, reason: 'expired'});
    expect(asked).toEqual([sato.userId, 'liuserid000000000000000000']);
  });

  it('carries the guest flag Mattermost gives the account now, not the one in the token', async () => {
    const {token} = await issueSessionToken(key, {userId: 'liuserid000000000000000000', guest: false}, issuedAt);
    const madeGuest = async () => ({active: true, guest: true});
    expect(await verifyActiveSession(key, token, madeGuest, later(60))).toMatchObject({ok: true, session: {guest: true}});
  });
});

describe('the session signing key', () => {
  let storage: TestStorage;
  let database: Database;

  beforeAll(async () => {
    storage = await freshStorage('embedded');
    database = await openDatabase(storage.config);
  });

  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  it('is made on first use, stored as base64, and the same afterwards', async () => {
    const settings = createSettingsRepository(database.db);
    const first = await loadOrCreateSigningKey(settings);
    expect(first).toHaveLength(32);
    expect(await settings.get(SESSION_SIGNING_KEY_SETTING)).toBe(Buffer.from(first).toString('base64'));
    expect(await loadOrCreateSigningKey(settings)).toEqual(first);
  });

  it('is one key when several callers make it at once', async () => {
    const settings = createSettingsRepository(database.db);
    await settings.delete(SESSION_SIGNING_KEY_SETTING);
    const keys = await Promise.all(Array.from({length: 5}, () => loadOrCreateSigningKey(settings)));
    expect(new Set(keys.map((made) => Buffer.from(made).toString('hex'))).size).toBe(1);
  });

  it('is refused with a fix when the stored value is not a key', async () => {
    const settings = createSettingsRepository(database.db);
    await settings.set(SESSION_SIGNING_KEY_SETTING, 'c2hvcnQ=');
    await expect(loadOrCreateSigningKey(settings)).rejects.toThrow(StartupError);
    await expect(loadOrCreateSigningKey(settings)).rejects.toThrow(/delete it/);
  });
});
