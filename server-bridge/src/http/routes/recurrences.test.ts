import {recurrenceListSchema, recurrenceViewSchema} from '../../contract/recurrence';
import {createBusinessCalendar} from '../../domain/calendar/businessCalendar';
import {createRecurrenceJob} from '../../domain/recurrence/recurrenceJob';
import {createRecurrenceService} from '../../domain/recurrence/recurrenceService';
import type {ScheduledJob} from '../../domain/scheduling/job';
import type {TaskChangeListener} from '../../domain/tasks/ports';
import {createTaskService, type TaskService} from '../../domain/tasks/taskService';
import {createWorkflowService} from '../../domain/workflows/workflowService';
import {createRecurrenceRepository} from '../../storage/recurrenceRepository';
import {createTaskRepository} from '../../storage/taskRepository';
import {engineNames} from '../../testing/engines';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {useRouteTestWorld} from '../../testing/routeTestWorld';
import {registerRecurrenceRoutes} from './recurrences';

// /api/v1/recurrences over HTTP (Fastify inject) on both engines: a weekly
// recurring task set up, read, paused, resumed, rescheduled and deleted; the
// scheduler job creating its occurrence in between; every refusal naming its field.

const patents = mmId('patents');
const [sato, tanaka, kim, outsider] = [mmId('sato'), mmId('tanaka'), mmId('kim'), mmId('outsider')];
const access = fakeChannelAccess({channels: {[patents]: {name: 'patents', members: [sato, tanaka, kim]}}});
const calendar = createBusinessCalendar({country: 'JP'});

describe.each(engineNames)('the recurrence API on the %s engine', (engine) => {
  let tasks: TaskService;
  let job: ScheduledJob;
  let now = new Date('2027-02-26T01:00:00Z'); // Friday 10:00 in Tokyo
  const world = useRouteTestWorld(engine, (database) => {
    const store = createTaskRepository(database.db);
    const clock = {now: () => now};
    const listeners: TaskChangeListener[] = [];
    tasks = createTaskService({store, access, clock, listeners});
    const workflows = createWorkflowService({store, access, clock, calendar, timeZone: 'Asia/Tokyo', tasks: tasks.operations});
    listeners.push(workflows.listener);
    const recurrenceStore = createRecurrenceRepository(database.db);
    const recurrences = createRecurrenceService({store: recurrenceStore, access, clock, calendar, runs: workflows});
    job = createRecurrenceJob({store: recurrenceStore, tasks: tasks.operations, runs: workflows, access, calendar});
    return {
      people: {sato, tanaka, outsider, kim: {userId: kim, guest: true}},
      register: (api) => registerRecurrenceRoutes(api, () => ({recurrences, timeZoneOf: async () => 'Asia/Tokyo'})),
    };
  });

  const {call} = world;
  const everyMonday = {
    kind: 'task',
    channelId: patents,
    schedule: {rule: 'FREQ=WEEKLY;BYDAY=MO', start: '2027-03-01', time: '09:00'},
    template: {title: 'Docket review {date}', holderId: sato, deadlines: [{kind: 'internal', businessDays: 2}]},
  };

  it('sets up a recurring task in the caller’s time zone, reads it back, and the scheduler creates its Monday', async () => {
    const created = await call('POST', '/api/v1/recurrences', 'tanaka', everyMonday);
    expect(created.statusCode).toBe(201);
    const body = recurrenceViewSchema.parse(created.json());
    expect(body).toMatchObject({
      kind: 'task',
      channelId: patents,
      createdBy: tanaka,
      schedule: {rule: 'FREQ=WEEKLY;BYDAY=MO', start: '2027-03-01', time: '09:00', timeZone: 'Asia/Tokyo', shift: 'none'},
      template: {title: 'Docket review {date}', holderId: sato, priority: 'normal', deadlines: [{kind: 'internal', businessDays: 2}]},
      paused: false,
      nextDueAt: '2027-03-01T00:00:00.000Z',
      lastProblem: null,
    });
    expect((await call('GET', `/api/v1/recurrences/${body.id}`, 'sato')).json()).toEqual(body);
    const listed = recurrenceListSchema.parse((await call('GET', `/api/v1/recurrences?channelId=${patents}`, 'sato')).json());
    expect(listed.items.map((item) => item.id)).toEqual([body.id]);
    expect((await call('GET', '/api/v1/recurrences', 'outsider')).json()).toEqual({items: [], nextCursor: null});

    now = new Date('2027-03-01T00:00:00Z');
    await job.run(now);
    const review = (await tasks.list({userId: sato, guest: false}, {filters: {holderId: sato}, sort: {by: 'createdAt', dueKind: null, descending: false}, limit: 10})).tasks;
    expect(review.map((task) => task.title)).toEqual(['Docket review 2027-03-01']);
    expect((await call('GET', `/api/v1/recurrences/${body.id}`, 'sato')).json()).toMatchObject({nextDueAt: '2027-03-08T00:00:00.000Z'});
  });

  it('pauses, resumes, reschedules and deletes', async () => {
    now = new Date('2027-03-02T01:00:00Z');
    const {id} = (await call('POST', '/api/v1/recurrences', 'tanaka', everyMonday)).json();
    const paused = await call('PATCH', `/api/v1/recurrences/${id}`, 'sato', {paused: true});
    expect([paused.statusCode, paused.json().paused]).toEqual([200, true]);
    const resumed = await call('PATCH', `/api/v1/recurrences/${id}`, 'sato', {paused: false, schedule: {rule: 'FREQ=MONTHLY;BYMONTHDAY=1', time: '09:00', shift: 'next_business_day'}});
    // From today (Mar 2): Apr 1, a Thursday.
    expect(resumed.json()).toMatchObject({paused: false, schedule: {rule: 'FREQ=MONTHLY;BYMONTHDAY=1', start: '2027-03-02', timeZone: 'Asia/Tokyo'}, nextDueAt: '2027-04-01T00:00:00.000Z'});
    const retitled = await call('PATCH', `/api/v1/recurrences/${id}`, 'tanaka', {template: {title: 'Monthly docket review {date}'}});
    expect(retitled.json().template).toEqual({title: 'Monthly docket review {date}', description: '', priority: 'normal', deadlines: []});
    expect((await call('DELETE', `/api/v1/recurrences/${id}`, 'sato')).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/recurrences/${id}`, 'sato')).statusCode).toBe(404);
  });

  it('names every bad field, and refuses guests', async () => {
    const bad = await call('POST', '/api/v1/recurrences', 'tanaka', {...everyMonday, schedule: {rule: 'FREQ=WEEKLY;BYDAY=MO', time: '9am', every: 'week'}, template: {title: ''}});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues.map((issue: {field: string}) => issue.field)).toEqual(['schedule.time', 'schedule.every', 'template.title']);
    const badRule = await call('POST', '/api/v1/recurrences', 'tanaka', {...everyMonday, schedule: {rule: 'FREQ=WEKLY', time: '09:00'}});
    expect([badRule.statusCode, badRule.json().details.field]).toEqual([400, 'schedule.rule']);
    const badKind = await call('POST', '/api/v1/recurrences', 'tanaka', {...everyMonday, kind: 'reminder'});
    expect([badKind.statusCode, badKind.json().details.field]).toEqual([400, 'kind']);
    const {id} = (await call('POST', '/api/v1/recurrences', 'tanaka', everyMonday)).json();
    const badPatch = await call('PATCH', `/api/v1/recurrences/${id}`, 'tanaka', {template: {title: 'Review', priority: 'asap'}});
    expect([badPatch.statusCode, badPatch.json().details.field]).toEqual([400, 'template.priority']);
    expect((await call('GET', '/api/v1/recurrences', 'kim')).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/recurrences', 'kim', everyMonday)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/recurrences/${id}`, 'kim')).statusCode).toBe(403);
  });
});
