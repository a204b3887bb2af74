import {z} from 'zod';
import {canonicalJson, signActionContext, verifyActionContext, type SignedActionContext} from './actionContext';

const key = 'a-signing-key-from-the-bridge-config';
const signedAt = new Date('2027-01-13T01:00:00Z');
const thirtyDays = 30 * 86_400_000;
const payload = {action: 'accept', taskId: 'tsk_01', version: 7, holders: ['sato', 'tanaka'], note: {lang: 'ja', text: '引き受けます'}};

function signed(overrides: Partial<Parameters<typeof signActionContext>[1]> = {}): SignedActionContext {
  return signActionContext(payload, {key, now: signedAt, ttlMs: thirtyDays, ...overrides});
}

/** What the bridge gets back after Mattermost (Go) stored the context as a map and wrote it out again, keys reordered. */
function throughMattermost(context: unknown): unknown {
  const reorder = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reorder);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([name, item]) => [name, reorder(item)]));
    return value;
  };
  return JSON.parse(JSON.stringify(reorder(context)));
}

describe('signed action contexts', () => {
  it('verify and give back the payload, with the nonce and expiry the caller records against replays', () => {
    const context = signed();
    expect(verifyActionContext(throughMattermost(context), {key, now: signedAt})).toEqual({
      ok: true,
      payload,
      nonce: context.nonce,
      expiresAt: new Date('2027-02-12T01:00:00Z'),
    });
  });

  it('carry what they sign in plain sight, as JSON', () => {
    const context = signed();
    expect(context).toMatchObject({v: 1, payload, expiresAt: '2027-02-12T01:00:00.000Z'});
    expect(context.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(context.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
  });

  it('get a fresh nonce each time, so two buttons with the same payload are told apart', () => {
    const [first, second] = [signed(), signed()];
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.signature).not.toBe(second.signature);
  });

  it('sign the JSON form of the payload, which is what comes back', () => {
    const context = signActionContext({at: new Date('2027-01-13T01:00:00Z'), skipped: undefined}, {key, now: signedAt, ttlMs: thirtyDays});
    expect(context.payload).toEqual({at: '2027-01-13T01:00:00.000Z'});
    expect(verifyActionContext(throughMattermost(context), {key, now: signedAt})).toMatchObject({ok: true, payload: {at: '2027-01-13T01:00:00.000Z'}});
  });

  it('check the payload against a schema when given one, refusing what it does not accept as malformed', () => {
    const acceptSchema = z.object({action: z.enum(['accept', 'done', 'handoff', 'decline']), taskId: z.string()});
    const verified = verifyActionContext(signed(), {key, now: signedAt, payloadSchema: acceptSchema});
    expect(verified).toMatchObject({ok: true, payload: {action: 'accept', taskId: 'tsk_01'}});
    const other = signActionContext({action: 'delete'}, {key, now: signedAt, ttlMs: thirtyDays});
    expect(verifyActionContext(other, {key, now: signedAt, payloadSchema: acceptSchema})).toEqual({ok: false, reason: 'malformed'});
  });

  describe('refuse', () => {
    it('a changed payload as tampered', () => {
      const context = signed();
      expect(verifyActionContext({...context, payload: {...payload, action: 'done'}}, {key, now: signedAt})).toEqual({ok: false, reason: 'tampered'});
      expect(verifyActionContext({...context, payload: {...payload, extra: true}}, {key, now: signedAt})).toEqual({ok: false, reason: 'tampered'});
      expect(verifyActionContext({...context, payload: {...payload, holders: ['tanaka', 'sato']}}, {key, now: signedAt})).toEqual({ok: false, reason: 'tampered'});
    });

    it('a pushed-back expiry or a swapped nonce as tampered', () => {
      const context = signed();
      expect(verifyActionContext({...context, expiresAt: '2099-01-01T00:00:00.000Z'}, {key, now: signedAt})).toEqual({ok: false, reason: 'tampered'});
      expect(verifyActionContext({...context, nonce: signed().nonce}, {key, now: signedAt})).toEqual({ok: false, reason: 'tampered'});
    });

    it('a context signed with another key as tampered', () => {
      expect(verifyActionContext(signed({key: 'another-key'}), {key, now: signedAt})).toEqual({ok: false, reason: 'tampered'});
      expect(verifyActionContext(signed(), {key: Buffer.from(key.toUpperCase()), now: signedAt})).toEqual({ok: false, reason: 'tampered'});
    });

    it('a genuine context once its time is up as expired', () => {
      const context = signed({ttlMs: 60_000});
      expect(verifyActionContext(context, {key, now: new Date(signedAt.getTime() + 59_999)})).toMatchObject({ok: true});
      expect(verifyActionContext(context, {key, now: new Date(signedAt.getTime() + 60_000)})).toEqual({ok: false, reason: 'expired'});
      expect(verifyActionContext(context, {key, now: new Date('2030-01-01T00:00:00Z')})).toEqual({ok: false, reason: 'expired'});
    });

    it('anything that is not a context it wrote as malformed', () => {
      const context = signed();
      const garbage: unknown[] = [
        null,
        undefined,
        'accept',
        42,
        [context],
        {},
        {action: 'accept', taskId: 'tsk_01'},
        {...context, v: 2},
        {...context, signature: undefined},
        {...context, signature: 'not base64url!'},
        {...context, signature: context.signature.slice(1)},
        {...context, nonce: 'short'},
        {...context, expiresAt: 'tomorrow'},
        {...context, payload: 'accept'},
        {...context, payload: ['accept']},
      ];
      for (const value of garbage) expect([value, verifyActionContext(value, {key, now: signedAt})]).toEqual([value, {ok: false, reason: 'malformed'}]);
    });
  });

  it('refuse to sign with no lifetime', () => {
    expect(() => signed({ttlMs: 0})).toThrow(RangeError);
    expect(() => signed({ttlMs: Number.NaN})).toThrow(RangeError);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({b: [{z: 1, a: 2}], a: 'x', 'é': null, A: true})).toBe('{"A":true,"a":"x","b":[{"a":2,"z":1}],"é":null}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({at: Number.POSITIVE_INFINITY})).toThrow(TypeError);
    expect(() => canonicalJson({at: new Date(0)})).toThrow(TypeError);
    expect(() => canonicalJson({missing: undefined})).toThrow(TypeError);
  });
});
