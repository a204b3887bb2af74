import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import {API_TOKEN_PATTERN, type ApiTokenScope} from '../../contract/apiTokens';
import {errors} from '../../errors';
import type {ChannelAccess, Clock} from '../tasks/ports';
import type {Caller} from '../tasks/task';
import type {ApiTokenRecord, ApiTokenStore, BotIdentity} from './ports';

// API tokens for business systems (DESIGN.md "Identity" §3). Mattermost
// system admins create, list and revoke them (REST or `/task admin tokens`);
// a token is shown once, when it is made, and only its secret's SHA-256 is
// kept, compared in constant time. A token caller is the Baton bot (tasks
// need a creator; the bot is who Mattermost shows for what the bridge does)
// with the token's scopes and channels in `via`, which the audit log records
// as the source of each change.

export interface ApiTokenServiceDeps {
  store: ApiTokenStore;
  access: Pick<ChannelAccess, 'isSystemAdmin' | 'channelName'>;
  bot: BotIdentity;
  clock: Clock;
  randomBytes?: (size: number) => Buffer;
}

export interface NewApiToken {
  name: string;
  scopes: ApiTokenScope[];
  /** Null or omitted: every channel. */
  channelIds?: string[] | null;
}

export type TokenVerification = {ok: true; caller: Caller} | {ok: false; reason: 'token_unknown' | 'token_revoked'};

/** How often a token's last use is written: every request would make each read a write. */
const LAST_USED_PRECISION_MS = 60_000;

export type ApiTokenService = ReturnType<typeof createApiTokenService>;

export function createApiTokenService({store, access, bot, clock, randomBytes: random = randomBytes}: ApiTokenServiceDeps) {
  async function requireSystemAdmin(caller: Caller): Promise<void> {
    // A token managing tokens could mint itself wider scopes.
    if (caller.via) throw errors.forbidden('token_admin', 'API tokens are managed by people: a Mattermost system admin, from their own session.');
    if (caller.guest || !(await access.isSystemAdmin(caller.userId))) {
      throw errors.forbidden('system_admin', 'Only Mattermost system admins can manage API tokens.');
    }
  }

  async function botUserId(): Promise<string> {
    const id = await bot.botUserId();
    if (!id) throw errors.notReady('Baton is not connected to Mattermost yet (run baton-bridge setup)');
    return id;
  }

  return {
    /** The new token and, once only, its secret form `baton_<id>_<secret>`. */
    async create(caller: Caller, input: NewApiToken): Promise<{record: ApiTokenRecord; token: string}> {
      await requireSystemAdmin(caller);
      const channelIds = input.channelIds ?? null;
      for (const [index, channelId] of (channelIds ?? []).entries()) {
        if ((await access.channelName(channelId)) === undefined) {
          throw errors.invalid('channel', `No channel ${channelId} in Mattermost.`, {field: `channelIds.${index}`});
        }
      }
      const id = random(8).toString('hex');
      const secret = random(32).toString('base64url');
      const record: ApiTokenRecord = {
        id,
        name: input.name.trim(),
        tokenHash: hashSecret(secret),
        scopes: [...new Set(input.scopes)],
        channelIds: channelIds ? [...new Set(channelIds)] : null,
        createdBy: caller.userId,
        createdAt: clock.now(),
        lastUsedAt: null,
        revokedAt: null,
      };
      if ((await store.insertToken(record)) === 'name_taken') {
        throw errors.conflict('token_name', `An API token named ${record.name} exists already; choose another name or revoke that one.`, {field: 'name'});
      }
      return {record, token: `baton_${id}_${secret}`};
    },

    async list(caller: Caller): Promise<ApiTokenRecord[]> {
      await requireSystemAdmin(caller);
      return store.listTokens();
    },

    /** Revoking twice is not an error: the token stays revoked from the first time. */
    async revoke(caller: Caller, id: string): Promise<ApiTokenRecord> {
      await requireSystemAdmin(caller);
      const revoked = await store.revokeToken(id, clock.now());
      if (!revoked) throw errors.notFound(`API token ${id}`);
      return revoked;
    },

    /** Whether a bearer value is a token of ours, not revoked; then the caller it stands for. */
    async verify(bearer: string): Promise<TokenVerification> {
      const match = API_TOKEN_PATTERN.exec(bearer);
      if (!match?.[1] || !match[2]) return {ok: false, reason: 'token_unknown'};
      const record = await store.findToken(match[1]);
      // The hash is compared even when there is no such id, so timing tells nothing about which ids exist.
      const expected = Buffer.from(record?.tokenHash ?? '0'.repeat(64), 'hex');
      const matches = timingSafeEqual(expected, Buffer.from(hashSecret(match[2]), 'hex'));
      if (!record || !matches) return {ok: false, reason: 'token_unknown'};
      if (record.revokedAt) return {ok: false, reason: 'token_revoked'};
      const now = clock.now();
      if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) await store.recordUse(record.id, now);
      return {
        ok: true,
        caller: {userId: await botUserId(), guest: false, via: {kind: 'token', tokenId: record.id, scopes: record.scopes, channelIds: record.channelIds}},
      };
    },
  };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The token's id when the caller is an API token. */
export function tokenOf(caller: Caller): Extract<NonNullable<Caller['via']>, {kind: 'token'}> | undefined {
  return caller.via?.kind === 'token' ? caller.via : undefined;
}
