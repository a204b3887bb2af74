import {sql} from 'kysely';
import {createAuditService} from '../../domain/audit/auditService';
import {createChannelSettingsService} from '../../domain/channels/channelSettingsService';
import {createHandoffNotifier} from '../../domain/notices/handoffNotifier';
import type {ChannelAccess} from '../../domain/tasks/ports';
import {createTaskService} from '../../domain/tasks/taskService';
import {auditReadsOn} from '../../storage/auditRepository';
import {createTaskRepository} from '../../storage/taskRepository';
import {engineNames} from '../../testing/engines';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {useRouteTestWorld} from '../../testing/routeTestWorld';
import {wireIntake} from '../../wiring/intake';
import {registerAuditRoutes} from './audit';
import {registerChannelRoutes} from './channels';
import {registerIntakeAdminRoutes, registerIntakeSubmitRoute} from './intake';
import {registerTaskRoutes} from './tasks';

// Web intake over HTTP on a real store: channel admins manage a channel's
// endpoints; a web form's submission becomes a task of the channel, held by
// the triage holder (who gets the handoff DM), with the submitter as its
// external contact; spam and abuse get fixed, uninformative answers.

const support = mmId('support');
const [sato, tanaka, kim, bot] = [mmId('sato'), mmId('tanaka'), mmId('guestkim'), mmId('bot')];
const access = fakeChannelAccess({channels: {[support]: {name: 'support', members: [sato, tanaka, kim], admins: [sato]}}, systemAdmins: [], guests: [kim]});
const LIMITS = {bodyBytes: 2048, perAddressPerMinute: 6};

describe.each(engineNames)('web intake (%s)', (engine) => {
  const world = useRouteTestWorld(engine, (database) => {
    const store = createTaskRepository(database.db);
    const clock = {now: () => new Date()};
    const servicesOn = (view: ChannelAccess) => ({tasks: createTaskService({store, access: view, clock, listeners: [createHandoffNotifier()]})});
    const tasks = servicesOn(access).tasks;
    const intakes = wireIntake({db: database.db, access, channels: store.channels, clock, servicesOn, botUserId: async () => bot});
    return {
      people: {sato, tanaka, kim: {userId: kim, guest: true}},
      publicRoutes: [(http) => registerIntakeSubmitRoute(http, () => ({intakes}), LIMITS)],
      register: (api) => {
        registerTaskRoutes(api, () => ({tasks, timeZoneOf: async () => 'UTC'}));
        registerChannelRoutes(api, () => ({channelSettings: createChannelSettingsService({store, access, clock})}));
        registerIntakeAdminRoutes(api, () => ({intakes}));
        registerAuditRoutes(api, () => ({audit: createAuditService({reads: auditReadsOn(database.db), access: {...access, isSystemAdmin: async () => true}})}));
      },
    };
  });

  const {call} = world;
  /** A submission from one client address (each test its own, so the per-address budget is the test's). */
  const submit = (path: string, payload: string | object, headers: Record<string, string> = {}, remoteAddress = '203.0.113.1') =>
    world.server.inject({method: 'POST', url: path, remoteAddress, headers: {'content-type': typeof payload === 'string' ? 'application/x-www-form-urlencoded' : 'application/json', ...headers}, payload});
  const supportTasks = async () => (await call('GET', `/api/v1/tasks?channelId=${support}&limit=100`, 'sato')).json().items as Array<Record<string, unknown>>;
  const form = {name: 'Jane Roe', email: 'jane@example.com', subject: 'Invoice question'};

  it('turns a JSON submission into a task for the triage holder, who is told, with the submitter as external contact', async () => {
    expect((await call('PATCH', `/api/v1/channels/${support}/settings`, 'sato', {triageHolderId: tanaka})).json()).toMatchObject({triageHolderId: tanaka});
    const created = await call('POST', `/api/v1/channels/${support}/intakes`, 'sato', {name: 'Website contact form'});
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const intake = created.json();
    expect(intake).toMatchObject({name: 'Website contact form', channelId: support, sharedSecret: false, secret: null, submissions: 0, path: expect.stringMatching(/^\/intake\/[A-Za-z0-9_-]{43}$/)});

    const answer = await submit(intake.path, {...form, body: 'Hello,\n# not a heading\n@channel [click](https://evil.example)', invoiceNo: 'INV-7'}, {}, '203.0.113.10');
    expect([answer.statusCode, answer.json()]).toEqual([202, {received: true}]);
    const [task] = (await supportTasks()).filter((candidate) => candidate.title === 'Invoice question');
    expect(task).toMatchObject({holderId: tanaka, creatorId: bot, channelId: support, externalContact: {name: 'Jane Roe', email: 'jane@example.com'}});
    expect(task?.description).toContain('\\[click\\]\\(https://evil.example\\)');
    expect(task?.description).toContain('@\u2060channel');
    expect(task?.description).toContain('\u2060# not a heading');
    expect(task?.description).toContain('- invoiceNo: INV-7');
    const dm = await world.database.db.selectFrom('outbox').select('payload').where('kind', '=', 'handoff').where(sql`payload->>'taskId'`, '=', String(task?.id)).executeTakeFirstOrThrow();
    expect(dm.payload).toMatchObject({userId: tanaka});
    const audit = (await call('GET', '/api/v1/admin/audit?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&format=json', 'sato')).body;
    expect(audit).toContain('"source":"intake"');
    expect(audit).toContain('intake.created');
    expect((await call('GET', `/api/v1/channels/${support}/intakes`, 'sato')).json().items[0]).toMatchObject({submissions: 1, lastSubmissionAt: expect.any(String)});
  });

  it('accepts a form-encoded submission too', async () => {
    const {path} = (await call('POST', `/api/v1/channels/${support}/intakes`, 'sato', {name: 'Form post'})).json();
    const answer = await submit(path, new URLSearchParams({...form, subject: 'Form-encoded question', body: 'Sent by a plain HTML form'}).toString(), {}, '203.0.113.11');
    expect(answer.statusCode).toBe(202);
    expect((await supportTasks()).map((task) => task.title)).toContain('Form-encoded question');
  });

  it('answers a filled honeypot like a success, creates nothing, and counts it', async () => {
    const {path, id} = (await call('POST', `/api/v1/channels/${support}/intakes`, 'sato', {name: 'Trap', honeypotField: 'website'})).json();
    const before = (await supportTasks()).length;
    const answer = await submit(path, {...form, subject: 'Buy cheap pills', website: 'https://spam.example'}, {}, '203.0.113.12');
    expect([answer.statusCode, answer.json()]).toEqual([202, {received: true}]);
    // Checked before the fields: a bot is never told what it got wrong.
    expect((await submit(path, {subject: '', website: 'x'}, {}, '203.0.113.12')).statusCode).toBe(202);
    expect((await supportTasks()).length).toBe(before);
    const listed = (await call('GET', `/api/v1/channels/${support}/intakes`, 'sato')).json().items.find((item: {id: string}) => item.id === id);
    expect(listed).toMatchObject({spamCaught: 2, submissions: 0});
  });

  it('names the bad field with 400 and creates nothing', async () => {
    const {path} = (await call('POST', `/api/v1/channels/${support}/intakes`, 'sato', {name: 'Strict'})).json();
    const noSubject = await submit(path, {name: 'Jane', email: 'jane@example.com'}, {}, '203.0.113.13');
    expect([noSubject.statusCode, noSubject.json().details.field]).toEqual([400, 'subject']);
    const badEmail = await submit(path, {...form, email: 'not-an-address'}, {}, '203.0.113.13');
    expect(badEmail.json().message).toContain('email: must be an email address');
    expect((await submit(path, {...form, priority: 7}, {}, '203.0.113.13')).json().details.field).toBe('priority');
  });

  it('refuses a missing or wrong shared secret with 403 and accepts the right one', async () => {
    const {path, secret} = (await call('POST', `/api/v1/channels/${support}/intakes`, 'sato', {name: 'Server to server', sharedSecret: true})).json();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await submit(path, form, {}, '203.0.113.14')).statusCode).toBe(403);
    expect((await submit(path, form, {'x-baton-intake-secret': 'wrong'}, '203.0.113.14')).json()).toMatchObject({id: 'baton.forbidden.intake_secret'});
    expect((await submit(path, {...form, subject: 'With the secret'}, {'x-baton-intake-secret': secret}, '203.0.113.14')).statusCode).toBe(202);
  });

  it('answers an unknown and a revoked token with the same 404', async () => {
    const {path, id} = (await call('POST', `/api/v1/channels/${support}/intakes`, 'sato', {name: 'Short-lived'})).json();
    expect((await call('DELETE', `/api/v1/channels/${support}/intakes/${id}`, 'sato')).json()).toMatchObject({revokedAt: expect.any(String)});
    const revoked = await submit(path, form, {}, '203.0.113.15');
    const unknown = await submit(`/intake/${'A'.repeat(43)}`, form, {}, '203.0.113.15');
    const malformed = await submit('/intake/short', form, {}, '203.0.113.15');
    for (const answer of [revoked, unknown, malformed]) expect([answer.statusCode, answer.json().id, answer.json().message]).toEqual([404, 'baton.not_found', 'Intake was not found.']);
  });

  it('refuses a body over the intake limit with 413, and too many submissions from one address with 429 and Retry-After', async () => {
    const {path} = (await call('POST', `/api/v1/channels/${support}/intakes`, 'sato', {name: 'Busy'})).json();
    const large = await submit(path, {...form, body: 'x'.repeat(LIMITS.bodyBytes)}, {}, '203.0.113.16');
    expect([large.statusCode, large.json().id]).toEqual([413, 'baton.payload_too_large']);
    const answers = [];
    for (let index = 0; index < LIMITS.perAddressPerMinute + 1; index += 1) answers.push(await submit(path, {...form, subject: `Burst ${index}`}, {}, '203.0.113.17'));
    const last = answers.at(-1)!;
    expect([last.statusCode, last.json().id, Number(last.headers['retry-after']) > 0]).toEqual([429, 'baton.rate_limited', true]);
    // Another address has its own budget.
    expect((await submit(path, {...form, subject: 'Elsewhere'}, {}, '203.0.113.18')).statusCode).toBe(202);
  });

  it('lets a form on any site post, and nothing else cross-origin', async () => {
    const preflight = await world.server.inject({method: 'OPTIONS', url: `/intake/${'A'.repeat(43)}`, headers: {origin: 'https://www.firm.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type'}});
    expect([preflight.headers['access-control-allow-origin'], preflight.headers['access-control-allow-methods']]).toEqual(['*', 'POST']);
    const api = await world.server.inject({method: 'OPTIONS', url: `/api/v1/channels/${support}/intakes`, headers: {origin: 'https://www.firm.example', 'access-control-request-method': 'POST'}});
    expect(api.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets only the channel’s admins manage its intakes', async () => {
    expect((await call('POST', `/api/v1/channels/${support}/intakes`, 'tanaka', {name: 'Mine'})).json()).toMatchObject({status: 403, id: 'baton.forbidden.intake_admin'});
    expect((await call('GET', `/api/v1/channels/${support}/intakes`, 'kim')).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/channels/${support}/intakes`, 'sato', {name: 'Bad', honeypotField: 'email'})).json().details.field).toBe('honeypotField');
  });

  it('keeps guests and non-members from being the triage holder', async () => {
    const guest = await call('PATCH', `/api/v1/channels/${support}/settings`, 'sato', {triageHolderId: kim});
    expect([guest.statusCode, guest.json().id, guest.json().details.field]).toEqual([422, 'baton.invalid.triage_holder', 'triageHolderId']);
    expect((await call('PATCH', `/api/v1/channels/${support}/settings`, 'sato', {triageHolderId: mmId('stranger')})).statusCode).toBe(422);
    expect((await call('PATCH', `/api/v1/channels/${support}/settings`, 'sato', {triageHolderId: null})).json()).toMatchObject({triageHolderId: null});
  });
});
