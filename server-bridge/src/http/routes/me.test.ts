import type {FastifyInstance} from 'fastify';
import {createUserSettingsService} from '../../domain/reminders/userSettings';
import {type Database, openDatabase} from '../../storage/database';
import {createUserSettingsRepository} from '../../storage/userSettingsRepository';
import {startApiTestServer} from '../../testing/apiTestServer';
import {freshStorage, type TestStorage} from '../../testing/engines';
import {mmId} from '../../testing/mattermostIds';
import {registerMeRoutes} from './me';

// GET/PATCH /api/v1/me/settings over HTTP on a real PostgreSQL store: each
// person reads and changes only their own settings; a bad value is a 400
// naming the field and what it may be.

const [sato, tanaka] = [mmId('sato'), mmId('tanaka')];

describe('the settings API', () => {
  let storage: TestStorage;
  let database: Database;
  let server: FastifyInstance;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    storage = await freshStorage('postgres');
    database = await openDatabase(storage.config);
    const userSettings = createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now: () => new Date('2027-05-10T00:00:00Z')}});
    const started = await startApiTestServer({
      people: {sato, tanaka},
      engine: 'postgres',
      register: (api) => registerMeRoutes(api, () => ({userSettings})),
    });
    server = started.server;
    Object.assign(tokens, started.tokens);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await storage?.cleanup();
  });

  const call = (method: 'GET' | 'PATCH', as: string, payload?: unknown) =>
    server.inject({method, url: '/api/v1/me/settings', headers: {authorization: `Bearer ${tokens[as]}`}, ...(payload === undefined ? {} : {payload: payload as object})});

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
    expect((await server.inject({method: 'GET', url: '/api/v1/me/settings'})).statusCode).toBe(401);
  });
});
