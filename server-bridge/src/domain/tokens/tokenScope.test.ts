import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {rejection} from '../../testing/rejection';
import type {Caller} from '../tasks/task';
import {createApiTokenService} from './apiTokenService';
import type {ApiTokenRecord, ApiTokenStore} from './ports';
import {perTokenCaller, requiringChannelForTokens, tokenChannelAccess} from './tokenScope';

// A token caller's view of channels, the per-caller dispatch, and the token
// service's verification, on an in-memory token store.

const [bot, sato, admin] = [mmId('baton'), mmId('sato'), mmId('admin')];
const [patents, acme] = [mmId('patents'), mmId('acme')];
const access = fakeChannelAccess({channels: {[patents]: {name: 'patents', members: [sato]}, [acme]: {name: 'client-acme', members: []}}, systemAdmins: [admin, bot]});
const tokenCaller = (channelIds?: string[] | null): Caller & {via: {kind: 'token'; tokenId: string; channelIds?: readonly string[] | null}} => ({
  userId: bot,
  guest: false,
  via: {kind: 'token', tokenId: 't1', scopes: ['tasks:read'], ...(channelIds !== undefined ? {channelIds} : {})},
});

describe('a token’s view of channel access', () => {
  const view = (channelIds?: string[] | null) => tokenChannelAccess({access, taskChannelIds: async () => [patents, acme]}, tokenCaller(channelIds));

  it('puts the bot in the listed channels only', async () => {
    const listed = view([patents]);
    expect([await listed.isMember(bot, patents), await listed.isMember(bot, acme)]).toEqual([true, false]);
    expect(await listed.memberChannelIds(bot)).toEqual([patents]);
  });

  it('puts the bot in every existing channel without a list, and none when the list is absent', async () => {
    const everywhere = view(null);
    expect([await everywhere.isMember(bot, patents), await everywhere.isMember(bot, acme), await everywhere.isMember(bot, mmId('nowhere'))]).toEqual([true, true, false]);
    expect(await everywhere.memberChannelIds(bot)).toEqual([patents, acme]);
    const absent = view(undefined);
    expect([await absent.isMember(bot, patents), await absent.memberChannelIds(bot)]).toEqual([false, []]);
  });

  it('keeps everyone else’s membership as Mattermost has it, and never makes the token an admin', async () => {
    const everywhere = view(null);
    expect([await everywhere.isMember(sato, patents), await everywhere.isMember(sato, acme)]).toEqual([true, false]);
    expect([await everywhere.isSystemAdmin(bot), await everywhere.canManageChannel(bot, patents), await everywhere.isSystemAdmin(admin)]).toEqual([false, false, true]);
  });
});

describe('perTokenCaller', () => {
  const service = (name: string) => ({
    name,
    who: async (caller: Caller, extra: number) => `${name}:${caller.userId}:${extra}`,
    inTx: async (_tx: unknown, caller: Caller) => `${name}:${caller.userId}`,
    plain: (value: number) => `${name}:${value}`,
  });

  it('answers token callers from their own instance and everyone else from the shared one', async () => {
    const built: string[] = [];
    const dispatching = perTokenCaller(service('shared'), (caller) => {
      built.push(caller.via.tokenId);
      return service('token');
    });
    expect(await dispatching.who({userId: sato, guest: false}, 1)).toBe(`shared:${sato}:1`);
    expect(await dispatching.who(tokenCaller(null), 2)).toBe(`token:${bot}:2`);
    expect(await dispatching.inTx({}, tokenCaller(null))).toBe(`token:${bot}`);
    expect(dispatching.plain(3)).toBe('shared:3');
    expect(dispatching.name).toBe('shared');
    expect(built).toEqual(['t1', 't1']);
  });

  it('refuses a token creating a task without a channel', async () => {
    const guarded = requiringChannelForTokens({create: async (_caller: Caller, draft: {channelId?: string | null}) => draft.channelId});
    expect(await rejection(guarded.create(tokenCaller(null), {channelId: null}))).toMatchObject({status: 403, id: 'baton.forbidden.token_channel'});
    expect(await guarded.create(tokenCaller(null), {channelId: patents})).toBe(patents);
    expect(await guarded.create({userId: sato, guest: false}, {})).toBeUndefined();
  });
});

describe('the token service', () => {
  function memoryStore(): ApiTokenStore & {uses: number} {
    const rows = new Map<string, ApiTokenRecord>();
    return {
      uses: 0,
      async insertToken(record) {
        if ([...rows.values()].some((row) => !row.revokedAt && row.name.toLowerCase() === record.name.toLowerCase())) return 'name_taken';
        rows.set(record.id, {...record});
        return 'inserted';
      },
      listTokens: async () => [...rows.values()],
      findToken: async (id) => rows.get(id),
      async revokeToken(id, at) {
        const row = rows.get(id);
        if (row && !row.revokedAt) row.revokedAt = at;
        return row;
      },
      async recordUse(id, at) {
        this.uses += 1;
        const row = rows.get(id);
        if (row) row.lastUsedAt = at;
      },
    };
  }

  it('verifies its own tokens as the bot with the token’s scopes and channels, recording use at most once a minute', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const store = memoryStore();
    const service = createApiTokenService({store, access, bot: {botUserId: async () => bot}, clock: {now: () => now}});
    const {record, token} = await service.create({userId: admin, guest: false}, {name: 'Billing', scopes: ['tasks:read', 'workflows:start'], channelIds: [patents]});
    expect(await service.verify(token)).toEqual({ok: true, caller: {userId: bot, guest: false, via: {kind: 'token', tokenId: record.id, scopes: ['tasks:read', 'workflows:start'], channelIds: [patents]}}});
    now = new Date('2026-11-23T09:00:30Z');
    await service.verify(token);
    expect(store.uses).toBe(1);
    now = new Date('2026-11-23T09:01:00Z');
    await service.verify(token);
    expect(store.uses).toBe(2);
    expect(await service.verify(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toEqual({ok: false, reason: 'token_unknown'});
    expect(await service.verify('baton_nothex')).toEqual({ok: false, reason: 'token_unknown'});
    await service.revoke({userId: admin, guest: false}, record.id);
    expect(await service.verify(token)).toEqual({ok: false, reason: 'token_revoked'});
  });

  it('is managed by system admins from their own session only', async () => {
    const service = createApiTokenService({store: memoryStore(), access, bot: {botUserId: async () => bot}, clock: {now: () => new Date()}});
    expect(await rejection(service.list({userId: sato, guest: false}))).toMatchObject({status: 403, id: 'baton.forbidden.system_admin'});
    expect(await rejection(service.list({userId: admin, guest: true}))).toMatchObject({status: 403, id: 'baton.forbidden.system_admin'});
    expect(await rejection(service.list(tokenCaller(null)))).toMatchObject({status: 403, id: 'baton.forbidden.token_admin'});
  });

  it('answers 503 while Mattermost is not connected (no bot to act as)', async () => {
    const service = createApiTokenService({store: memoryStore(), access, bot: {botUserId: async () => undefined}, clock: {now: () => new Date()}});
    const {token} = await service.create({userId: admin, guest: false}, {name: 'Early', scopes: ['tasks:read']});
    expect(await rejection(service.verify(token))).toMatchObject({status: 503, id: 'baton.not_ready'});
  });
});
