import {startSimulator, type RunningSimulator} from '../../../build/mattermost-sim/src/index';
import {seedDemoOrganisation, type DemoOrganisation} from '../../../build/mattermost-sim/src/seed/demoOrganisation';
import {addChannelMember, createChannel, removeChannelMember} from '../../../build/mattermost-sim/src/services/channels';
import {createAccessToken, createBot, updateUser} from '../../../build/mattermost-sim/src/services/users';
import {createChannelAccess} from './channelAccess';

// Membership as the bridge learns it from Mattermost (the simulator, over
// real HTTP), with the bot's system-admin reach into private channels.

describe('channel access through Mattermost', () => {
  let sim: RunningSimulator;
  let org: DemoOrganisation;
  let access: ReturnType<typeof createChannelAccess>;
  let botToken: () => Promise<string | undefined> = async () => undefined;

  beforeAll(async () => {
    sim = await startSimulator({idSeed: 'channel-access'});
    org = seedDemoOrganisation(sim.ctx);
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.users.admin?.id ?? ''});
    updateUser(sim.ctx, bot.user_id, {roles: 'system_user system_admin'});
    const token = createAccessToken(sim.ctx, bot.user_id, 'bridge').token;
    access = createChannelAccess({connection: {get: async () => ({url: sim.url, botUserId: bot.user_id, botToken: token, commandTokens: []})}});
    botToken = async () => token;
  });
  afterAll(() => sim.stop());

  const id = (name: string) => org.channels[name]?.id ?? '';
  const user = (name: string) => org.users[name]?.id ?? '';

  it('answers membership of open and private channels, and keeps guests to their own', async () => {
    expect(await access.isMember(user('sato'), id('patents'))).toBe(true);
    expect(await access.isMember(user('ivanova'), id('partners-only'))).toBe(true);
    expect(await access.isMember(user('smith'), id('partners-only'))).toBe(false);
    expect(await access.isMember(user('guest.kim'), id('client-acme'))).toBe(true);
    expect(await access.isMember(user('guest.kim'), id('patents'))).toBe(false);
  });

  it('names channels and users for key prefixes', async () => {
    expect(await access.channelName(id('partners-only'))).toBe('partners-only');
    expect(await access.username(user('tanaka'))).toBe('tanaka');
    expect(await access.channelName('nosuchchannelid0000000000a')).toBeUndefined();
  });

  it('caches an answer until told to forget it', async () => {
    expect(await access.isMember(user('li'), id('patents'))).toBe(true);
    removeChannelMember(sim.ctx, id('patents'), user('li'), user('admin'));
    expect(await access.isMember(user('li'), id('patents'))).toBe(true);
    access.forget(id('patents'), user('li'));
    expect(await access.isMember(user('li'), id('patents'))).toBe(false);
  });

  it('forgets a whole channel, a user’s name, or everything', async () => {
    const patents = id('patents');
    expect(await access.isMember(user('tanaka'), patents)).toBe(true);
    expect(await access.isMember(user('sato'), patents)).toBe(true);
    expect(await access.username(user('tanaka'))).toBe('tanaka');
    removeChannelMember(sim.ctx, patents, user('tanaka'), user('admin'));
    removeChannelMember(sim.ctx, patents, user('sato'), user('admin'));
    updateUser(sim.ctx, user('tanaka'), {username: 'tanaka.h'});
    access.forget(patents);
    expect(await access.isMember(user('tanaka'), patents)).toBe(false);
    expect(await access.isMember(user('sato'), patents)).toBe(false);
    expect(await access.username(user('tanaka'))).toBe('tanaka');
    access.forgetUser(user('tanaka'));
    expect(await access.username(user('tanaka'))).toBe('tanaka.h');
    addChannelMember(sim.ctx, patents, user('sato'), {silent: true});
    expect(await access.isMember(user('sato'), patents)).toBe(false);
    access.forgetAll();
    expect(await access.isMember(user('sato'), patents)).toBe(true);
  });

  it('knows who may change a channel’s settings: its channel admins and system admins', async () => {
    const litigation = createChannel(sim.ctx, {team_id: org.team.id, name: 'litigation', display_name: 'Litigation', type: 'P', creator_id: user('admin')});
    addChannelMember(sim.ctx, litigation.id, user('ivanova'), {admin: true, silent: true});
    addChannelMember(sim.ctx, litigation.id, user('tanaka'), {silent: true});
    expect(await access.canManageChannel(user('ivanova'), litigation.id)).toBe(true);
    expect(await access.canManageChannel(user('tanaka'), litigation.id)).toBe(false);
    expect(await access.canManageChannel(user('sato'), litigation.id)).toBe(false);
    // A system admin manages every channel, member or not.
    expect(await access.canManageChannel(user('admin'), id('partners-only'))).toBe(true);
    expect(await access.isSystemAdmin(user('admin'))).toBe(true);
    expect(await access.isSystemAdmin(user('ivanova'))).toBe(false);
    // Guests by their Mattermost role (a guest cannot be a channel's triage holder).
    expect(await access.isGuest(user('guest.kim'))).toBe(true);
    expect(await access.isGuest(user('tanaka'))).toBe(false);
  });

  it('keeps answering from what it last learnt while Mattermost is down, but not after an event said it changed, and not for the unknown', async () => {
    let clock = 0;
    const fresh = createChannelAccess({connection: {get: async () => ({url: sim.url, botUserId: 'bot', botToken: (await botToken()) ?? '', commandTokens: []})}, ttlMs: 1000, staleIfErrorMs: 60_000, now: () => clock});
    expect(await fresh.isMember(user('sato'), id('patents'))).toBe(true);
    await fetch(`${sim.url}/__sim/faults`, {method: 'POST', body: JSON.stringify({status: 503})});
    try {
      clock = 30_000;
      expect(await fresh.isMember(user('sato'), id('patents'))).toBe(true);
      await expect(fresh.isMember(user('tanaka'), id('patents'))).rejects.toMatchObject({name: 'MattermostRequestError', status: 503});
      fresh.forget(id('patents'), user('sato'));
      await expect(fresh.isMember(user('sato'), id('patents'))).rejects.toMatchObject({status: 503});
    } finally {
      await fetch(`${sim.url}/__sim/faults`, {method: 'DELETE'});
    }
  });
});
