import {createUserSettingsService} from '../../domain/reminders/userSettings';
import {createUserSettingsRepository} from '../../storage/userSettingsRepository';
import {mmId} from '../../testing/mattermostIds';
import {useRouteTestWorld} from '../../testing/routeTestWorld';
import {myCountersSchema} from '../../contract';
import {createTaskService} from '../../domain/tasks/taskService';
import {createTaskRepository} from '../../storage/taskRepository';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {registerMeRoutes, registerMyCountersRoute} from './me';

// GET/PATCH /api/v1/me/settings over HTTP on a real PostgreSQL store: each
// person reads and changes only their own settings; a bad value is a 400
// naming the field and what it may be.

const [sato, tanaka] = [mmId('sato'), mmId('tanaka')];

describe('the settings API', () => {
  const world = useRouteTestWorld('postgres', (database) => {
    const userSettings = createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now: () => new Date('2027-05-10T00:00:00Z')}});
    return {people: {sato, tanaka}, register: (api) => registerMeRoutes(api, () => ({userSettings}))};
  });

  const call = (method: 'GET' | 'PATCH', as: string, payload?: unknown) => world.call(method, '/api/v1/me/settings', as, payload);

  it('answers the defaults to someone who never changed anything', async () => {
    const response = await call('GET', 'sato');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({userId: sato, digestTime: '09:00', digestEnabled: true, weeklySummary: true, dueSoonDays: 3, mutedDeadlineKinds: [], requireAcceptance: false, updatedAt: null});
  });

  it('changes the caller’s own settings only', async () => {
    const changed = await call('PATCH', 'sato', {digestTime: '07:30', mutedDeadlineKinds: ['internal'], weeklySummary: false});
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({userId: sato, digestTime: '07:30', mutedDeadlineKinds: ['internal'], weeklySummary: false, digestEnabled: true, updatedAt: '2027-05-10T00:00:00.000Z'});
    expect((await call('GET', 'sato')).json()).toMatchObject({digestTime: '07:30'});
    expect((await call('GET', 'tanaka')).json()).toMatchObject({userId: tanaka, digestTime: '09:00', updatedAt: null});
  });

  it('names each bad field and what is allowed', async () => {
    const response = await call('PATCH', 'tanaka', {digestTime: '9am', dueSoonDays: 2.5, mutedDeadlineKinds: ['Legal'], digestEnabled: 'yes', digest_time: '09:00'});
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.id).toBe('baton.bad_request.validation');
    expect(body.details.issues).toEqual([
      {field: 'digestTime', message: 'must be a local time HH:mm from 00:00 to 23:59, e.g. 09:00'},
      {field: 'digestEnabled', message: 'must be true or false'},
      {field: 'dueSoonDays', message: 'must be a whole number of business days from 0 to 30'},
      {field: 'mutedDeadlineKinds.0', message: 'must be legal, customer, internal or a custom name: a lowercase letter, then up to 31 lowercase letters, digits or _'},
      {field: 'digest_time', message: expect.stringContaining('is not a known field (known fields: digestTime, digestEnabled')},
    ]);
    expect((await call('GET', 'tanaka')).json()).toMatchObject({updatedAt: null});
  });

  it('refuses a muted kind named twice, and anyone without a session', async () => {
    expect((await call('PATCH', 'tanaka', {mutedDeadlineKinds: ['internal', 'internal']})).json().message).toBe('mutedDeadlineKinds: must name each deadline kind at most once');
    expect((await world.server.inject({method: 'GET', url: '/api/v1/me/settings'})).statusCode).toBe(401);
  });
});

// GET /api/v1/me/counters over HTTP: the caller's own three numbers, a guest
// sees only their channels, and nobody without a session gets any.
describe('the counters API', () => {
  const kim = mmId('kim');
  const [patents, elsewhere] = [mmId('patents'), mmId('elsewhere')];
  const world = useRouteTestWorld('postgres', async (database) => {
    const tasks = createTaskService({
      store: createTaskRepository(database.db),
      access: fakeChannelAccess({channels: {[patents]: {name: 'patents', members: [sato, tanaka, kim]}, [elsewhere]: {name: 'elsewhere', members: [sato, tanaka]}}}),
      clock: {now: () => new Date('2027-05-10T00:00:00Z')},
    });
    const caller = (userId: string) => ({userId, guest: false});
    const overdue = {kind: 'legal', dueAt: new Date('2027-05-01T00:00:00Z'), allDay: false, timeZone: 'UTC'};
    await tasks.create(caller(sato), {title: 'Late', channelId: patents, holderId: sato, deadlines: [overdue]});
    const handed = await tasks.create(caller(sato), {title: 'To the guest', channelId: patents});
    await tasks.handOff(caller(sato), handed.key, {toUserId: kim});
    const hidden = await tasks.create(caller(sato), {title: 'Not for the guest', channelId: elsewhere});
    await tasks.handOff(caller(sato), hidden.key, {toUserId: tanaka});
    return {people: {sato, tanaka, kim: {userId: kim, guest: true}}, register: (api) => registerMyCountersRoute(api, () => ({tasks}))};
  });

  // Without a name, a request with no session at all.
  const counters = (as?: string) => (as ? world.call('GET', '/api/v1/me/counters', as) : world.server.inject({method: 'GET', url: '/api/v1/me/counters'}));

  it('answers each caller their own numbers, as the contract describes them', async () => {
    const response = await counters('sato');
    expect(response.statusCode).toBe(200);
    expect(myCountersSchema.parse(response.json())).toEqual({mine: 1, overdue: 1, waiting: 2});
    expect((await counters('tanaka')).json()).toEqual({mine: 1, overdue: 0, waiting: 0});
    expect((await counters('kim')).json()).toEqual({mine: 1, overdue: 0, waiting: 0});
  });

  it('refuses anyone without a session', async () => {
    expect((await counters()).statusCode).toBe(401);
  });
});
