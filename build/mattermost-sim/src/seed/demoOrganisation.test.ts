import {startSimulator, type RunningSimulator} from '../index';
import {channelMemberIds, isGuest} from '../store/store';
import {demoPeople, seedDemoOrganisation} from './demoOrganisation';

describe('the demo organisation', () => {
  let sims: RunningSimulator[] = [];
  afterEach(async () => {
    await Promise.all(sims.map((sim) => sim.stop()));
    sims = [];
  });
  const start = async () => {
    const sim = await startSimulator({idSeed: 'demo'});
    sims.push(sim);
    return sim;
  };

  it('has the people of SCENARIOS.md, one guest and Japanese-locale users', async () => {
    const {users} = seedDemoOrganisation((await start()).ctx);
    expect(Object.keys(users)).toEqual(demoPeople.map((person) => person.username));
    expect(Object.values(users).filter(isGuest).map((user) => user.username)).toEqual(['guest.kim']);
    expect(users.sato?.locale).toBe('ja');
    expect(users.li?.locale).toBe('zh-TW');
    expect(users.ivanova?.timezone.manualTimezone).toBe('Europe/Moscow');
  });

  it('keeps the guest out of every channel but the shared one, and the private channel to partners', async () => {
    const sim = await start();
    const {users, channels} = seedDemoOrganisation(sim.ctx);
    const membersOf = (name: string) => channelMemberIds(sim.ctx.store, channels[name]?.id ?? '').map((id) => sim.ctx.store.users.get(id)?.username).sort();
    expect(membersOf('client-acme')).toContain('guest.kim');
    for (const name of ['town-square', 'patents', 'partners-only']) expect(membersOf(name)).not.toContain('guest.kim');
    expect(membersOf('partners-only')).toEqual(['admin', 'ivanova', 'sato']);
    expect(channels['partners-only']?.type).toBe('P');
    expect(users.admin?.roles).toContain('system_admin');
  });

  it('is deterministic: the same ids on every run', async () => {
    const first = seedDemoOrganisation((await start()).ctx);
    const second = seedDemoOrganisation((await start()).ctx);
    expect(second.users.sato?.id).toBe(first.users.sato?.id);
    expect(second.channels.patents?.id).toBe(first.channels.patents?.id);
  });
});
