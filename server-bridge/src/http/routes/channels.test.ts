import {createBusinessCalendar} from '../../domain/calendar/businessCalendar';
import {createChannelSettingsService} from '../../domain/channels/channelSettingsService';
import type {TaskChangeListener} from '../../domain/tasks/ports';
import {createTaskService} from '../../domain/tasks/taskService';
import {createWorkflowService} from '../../domain/workflows/workflowService';
import {createTaskRepository} from '../../storage/taskRepository';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {useRouteTestWorld} from '../../testing/routeTestWorld';
import {registerChannelRoutes} from './channels';
import {registerWorkflowRoutes} from './workflows';

// Channel notice settings and the run-channel option over HTTP (Fastify
// inject) on the embedded engine: who may change them, and 400s that name
// the field and what is allowed.

const patents = mmId('patents');
const [sato, tanaka, root, outsider] = [mmId('sato'), mmId('tanaka'), mmId('root'), mmId('outsider')];
const access = fakeChannelAccess({channels: {[patents]: {name: 'patents', members: [sato, tanaka], admins: [sato]}}, systemAdmins: [root]});

describe('channel notices and run channels over HTTP', () => {
  const world = useRouteTestWorld('embedded', (database) => {
    const store = createTaskRepository(database.db);
    const clock = {now: () => new Date()};
    const listeners: TaskChangeListener[] = [];
    const tasks = createTaskService({store, access, clock, listeners});
    const workflows = createWorkflowService({store, access, clock, calendar: createBusinessCalendar({country: 'JP'}), timeZone: 'Asia/Tokyo', tasks: tasks.operations});
    listeners.push(workflows.listener);
    const channelSettings = createChannelSettingsService({store, access, clock});
    return {
      people: {sato, tanaka, root, outsider},
      register: (api) => {
            registerChannelRoutes(api, () => ({channelSettings}));
            registerWorkflowRoutes(api, () => ({workflows, timeZoneOf: async () => 'Asia/Tokyo'}));
          },
    };
  });

  const {call} = world;
  const settings = `/api/v1/channels/${patents}/settings`;

  it('shows the notices off by default and lets a channel admin turn them on, one switch at a time', async () => {
    expect((await call('GET', settings, 'tanaka')).json()).toEqual({channelId: patents, keyPrefix: null, notices: {handoffs: false, excludeGuests: false}, guests: {mayCreateTasks: false}, triageHolderId: null});
    const on = await call('PATCH', settings, 'sato', {notices: {handoffs: true}});
    expect([on.statusCode, on.json().notices]).toEqual([200, {handoffs: true, excludeGuests: false}]);
    expect((await call('PATCH', settings, 'root', {notices: {excludeGuests: true}})).json().notices).toEqual({handoffs: true, excludeGuests: true});
    expect((await call('GET', settings, 'tanaka')).json().notices).toEqual({handoffs: true, excludeGuests: true});
  });

  it('refuses a member who is not a channel admin with 403, and hides the channel from outsiders with 404', async () => {
    const refused = await call('PATCH', settings, 'tanaka', {notices: {handoffs: false}});
    expect([refused.statusCode, refused.json().id]).toEqual([403, 'baton.forbidden.channel_settings']);
    expect((await call('PATCH', settings, 'outsider', {notices: {handoffs: false}})).statusCode).toBe(404);
    expect((await call('GET', settings, 'tanaka')).json().notices.handoffs).toBe(true);
  });

  it.each([
    [{notices: {handoffs: 'yes'}}, 'notices.handoffs', 'notices.handoffs: must be true or false'],
    [{notices: {guests: false}}, 'notices.guests', 'notices.guests: is not a known field (known fields: handoffs, excludeGuests)'],
    [{notices: true}, 'notices', 'notices: must be a JSON object'],
  ])('answers %j with a 400 naming %s', async (body, field, message) => {
    const response = await call('PATCH', settings, 'sato', body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({id: 'baton.bad_request.validation', message, details: {field}});
  });

  it('starts a run with or without its own channel, and names a bad runChannel', async () => {
    const template = {name: 'Renewal', steps: [{name: 'Renew', assignee: {kind: 'requester'}}]};
    expect((await call('POST', '/api/v1/workflows', 'tanaka', template)).statusCode).toBe(201);
    const withChannel = await call('POST', '/api/v1/workflows/renewal/runs', 'tanaka', {channelId: patents, runChannel: true});
    expect([withChannel.statusCode, withChannel.json().runChannel]).toEqual([201, {channelId: null, archiveRequestedAt: null}]);
    const plain = await call('POST', '/api/v1/workflows/renewal/runs', 'tanaka', {channelId: patents});
    expect([plain.statusCode, plain.json().runChannel]).toEqual([201, null]);
    expect((await call('GET', `/api/v1/runs/${withChannel.json().id}`, 'sato')).json().runChannel).toEqual({channelId: null, archiveRequestedAt: null});
    const bad = await call('POST', '/api/v1/workflows/renewal/runs', 'tanaka', {channelId: patents, runChannel: 'yes'});
    expect([bad.statusCode, bad.json().message]).toEqual([400, 'runChannel: must be true or false']);
  });
});
