import {sql} from 'kysely';
import {createUserSettingsService, DEFAULT_USER_SETTINGS, type UserSettingsService} from '../domain/reminders/userSettings';
import {AppError} from '../errors';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {mmId} from '../testing/mattermostIds';
import {type Database, openDatabase} from './database';
import {createUserSettingsRepository} from './userSettingsRepository';

// Each person's own settings on both engines: the defaults until they change
// something, partial changes that keep the rest, and the contract's rules
// enforced by the service whichever way a change arrives.

const [sato, ivanova] = [{userId: mmId('sato'), guest: false}, {userId: mmId('ivanova'), guest: false}];

describe.each(engineNames)('user settings on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let settings: UserSettingsService;
  let clock = new Date('2027-05-10T00:00:00Z');

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    settings = createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now: () => clock}});
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });
  const rows = async () => (await sql<{user_id: string}>`select user_id from user_settings order by user_id`.execute(database.db)).rows.map((row) => row.user_id);

  it('gives everyone the defaults, without storing anything for asking or for an empty change', async () => {
    expect(await settings.get(sato)).toEqual({userId: sato.userId, ...DEFAULT_USER_SETTINGS, updatedAt: null});
    expect(DEFAULT_USER_SETTINGS).toEqual({digestTime: '09:00', digestEnabled: true, weeklySummary: true, dueSoonDays: 3, mutedDeadlineKinds: [], requireAcceptance: false});
    expect(await settings.update(sato, {})).toMatchObject({updatedAt: null});
    expect(await rows()).toEqual([]);
  });

  it('changes only the fields given, and keeps them', async () => {
    const first = await settings.update(ivanova, {digestTime: '08:30', mutedDeadlineKinds: ['internal', 'client_approval']});
    expect(first).toEqual({...DEFAULT_USER_SETTINGS, userId: ivanova.userId, digestTime: '08:30', mutedDeadlineKinds: ['internal', 'client_approval'], updatedAt: clock});
    clock = new Date('2027-05-11T00:00:00Z');
    await settings.update(ivanova, {weeklySummary: false, mutedDeadlineKinds: []});
    expect(await settings.get(ivanova)).toEqual({...DEFAULT_USER_SETTINGS, userId: ivanova.userId, digestTime: '08:30', weeklySummary: false, mutedDeadlineKinds: [], updatedAt: clock});
    // Nobody else's settings changed.
    expect(await settings.get(sato)).toMatchObject({digestTime: '09:00', updatedAt: null});
    expect(await rows()).toEqual([ivanova.userId]);
  });

  it('refuses a value the contract does not allow, naming the field and what is allowed', async () => {
    const refusal = await settings.update(sato, {digestTime: '9:00', dueSoonDays: 45}).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(400);
    expect((refusal as AppError).message).toBe('digestTime: must be a local time HH:mm from 00:00 to 23:59, e.g. 09:00; dueSoonDays: must be a whole number of business days from 0 to 30');
    expect(await rows()).toEqual([ivanova.userId]);
  });

  it('has the same rules in the database', async () => {
    await expect(sql`insert into user_settings (user_id, digest_time, updated_at) values ('x', '24:00', now())`.execute(database.db)).rejects.toThrow(/check/i);
    await expect(sql`insert into user_settings (user_id, due_soon_days, updated_at) values ('x', 31, now())`.execute(database.db)).rejects.toThrow(/check/i);
  });
});
