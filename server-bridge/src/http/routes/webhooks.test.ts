import {createWebhookService} from '../../domain/webhooks/webhookService';
import {createTaskService} from '../../domain/tasks/taskService';
import {createTaskRepository} from '../../storage/taskRepository';
import {createWebhookRepository} from '../../storage/webhookRepository';
import {engineNames} from '../../testing/engines';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {useRouteTestWorld} from '../../testing/routeTestWorld';
import {registerTaskRoutes} from './tasks';
import {registerWebhookRoutes} from './webhooks';

// /api/v1/webhooks over HTTP on both engines: system admins subscribe any
// channel or every channel, a channel admin only their own channels; members,
// guests and API tokens are refused; nobody learns of a subscription they
// may not manage; the secret is shown once; a bad URL or event type is named.

const U = {root: mmId('root'), sato: mmId('sato'), li: mmId('li'), kim: mmId('kim'), bot: mmId('baton')};
const patents = mmId('patents');
const trademarks = mmId('trademarks');
const access = fakeChannelAccess({
  channels: {
    [patents]: {name: 'patents', members: [U.root, U.sato, U.li, U.kim], admins: [U.sato]},
    [trademarks]: {name: 'trademarks', members: [U.root, U.li], admins: [U.li]},
  },
  systemAdmins: [U.root],
});

describe.each(engineNames)('the webhook API on the %s engine', (engine) => {
  const world = useRouteTestWorld(engine, (database) => {
    const clock = {now: () => new Date()};
    const webhooks = createWebhookService({store: createWebhookRepository(database.db), access, clock});
    const tasks = createTaskService({store: createTaskRepository(database.db), access, clock});
    return {
      people: {root: U.root, sato: U.sato, li: U.li, kim: {userId: U.kim, guest: true}},
      // An API token of a business system, with every scope.
      verifyApiToken: async (token) =>
        token === 'baton_token'
          ? {ok: true, caller: {userId: U.bot, guest: false, via: {kind: 'token', tokenId: 't1', scopes: ['tasks:read', 'tasks:write', 'workflows:start', 'workflows:advance'], channelIds: null}}}
          : {ok: false, reason: 'token_unknown'},
      // ...which the tests send as 'token'.
      bearers: {token: 'baton_token'},
      register: (api) => {
        registerWebhookRoutes(api, () => ({webhooks}));
        registerTaskRoutes(api, () => ({tasks, timeZoneOf: async () => 'UTC'}));
      },
    };
  });

  const {call} = world;
  const create = (as: string, body: object) => call('POST', '/api/v1/webhooks', as, {url: 'https://erp.example.com/hooks/baton', eventTypes: ['task.created'], ...body});

  it('lets a system admin subscribe every channel, and shows the secret only in the answer to the creation', async () => {
    const response = await create('root', {eventTypes: ['task.created', 'task.completed']});
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.json();
    expect(created).toMatchObject({channelId: null, url: 'https://erp.example.com/hooks/baton', eventTypes: ['task.created', 'task.completed'], createdBy: U.root, lastStatus: null});
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const read = await call('GET', `/api/v1/webhooks/${created.id}`, 'root');
    expect(read.json()).toMatchObject({id: created.id, recentDeliveries: []});
    expect(read.body).not.toContain(created.secret);
    expect((await call('GET', '/api/v1/webhooks', 'root')).body).not.toContain(created.secret);
  });

  it('lets a channel admin subscribe their channel, not every channel and not another channel', async () => {
    expect((await create('sato', {channelId: patents})).statusCode).toBe(201);
    const global = await create('sato', {});
    expect([global.statusCode, global.json().id]).toEqual([403, 'baton.forbidden.webhook_global']);
    const other = await create('sato', {channelId: trademarks});
    expect([other.statusCode, other.json().id]).toEqual([403, 'baton.forbidden.webhook_channel']);
  });

  it('refuses members, guests and API tokens', async () => {
    expect((await create('li', {channelId: patents})).json().id).toBe('baton.forbidden.webhook_channel');
    for (const as of ['kim', 'token']) {
      for (const response of [await create(as, {channelId: patents}), await call('GET', '/api/v1/webhooks', as)]) expect(response.statusCode).toBe(403);
    }
  });

  it('lists for each person only the subscriptions they manage, and hides the others', async () => {
    const mine = (await create('li', {channelId: trademarks})).json();
    const satos = (await call('GET', '/api/v1/webhooks', 'sato')).json().items;
    expect(satos.map((item: {channelId: string}) => item.channelId)).toEqual([patents]);
    const lis = (await call('GET', '/api/v1/webhooks', 'li')).json().items;
    expect(lis.map((item: {id: string}) => item.id)).toEqual([mine.id]);
    expect((await call('GET', '/api/v1/webhooks', 'root')).json().items).toHaveLength(3);

    // Someone who may not manage it does not learn it exists.
    expect((await call('GET', `/api/v1/webhooks/${mine.id}`, 'sato')).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/webhooks/${mine.id}`, 'sato')).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/webhooks/${mine.id}`, 'kim')).statusCode).toBe(403);
  });

  it('shows the recent deliveries of a subscription, and deletes it (once)', async () => {
    const subscription = (await create('sato', {channelId: patents, eventTypes: ['task.created']})).json();
    expect((await call('POST', '/api/v1/tasks', 'li', {title: 'Office action response', channelId: patents})).statusCode).toBe(201);
    const read = (await call('GET', `/api/v1/webhooks/${subscription.id}`, 'sato')).json();
    expect(read.recentDeliveries).toMatchObject([{eventType: 'task.created', status: 'pending', attempts: 0, lastStatus: null}]);

    expect((await call('DELETE', `/api/v1/webhooks/${subscription.id}`, 'sato')).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/webhooks/${subscription.id}`, 'sato')).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/webhooks/${subscription.id}`, 'sato')).statusCode).toBe(404);
    const audited = await world.database.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', subscription.id).orderBy('id').execute();
    expect(audited.map((entry) => entry.action)).toEqual(['webhook_subscription.created', 'webhook_subscription.deleted']);
    expect(JSON.stringify(audited)).not.toContain(subscription.secret);
  });

  it('names what is wrong with a bad subscription and creates nothing', async () => {
    const before = (await call('GET', '/api/v1/webhooks', 'root')).json().items.length;
    for (const [body, field] of [
      [{url: 'http://erp.example.com/hook'}, 'url'],
      [{url: 'https://user:pass@erp.example.com/hook'}, 'url'],
      [{url: 'ftp://erp.example.com/hook'}, 'url'],
      [{eventTypes: ['task.deleted']}, 'eventTypes.0'],
      [{eventTypes: []}, 'eventTypes'],
      [{eventTypes: ['task.created', 'task.created']}, 'eventTypes'],
      [{channelId: 'patents'}, 'channelId'],
      [{secret: 'mine'}, 'secret'],
    ] as const) {
      const response = await create('root', body);
      expect([response.statusCode, response.json().details.field]).toEqual([400, field]);
    }
    const message = (await create('root', {url: 'http://erp.example.com/hook'})).json().message;
    expect(message).toContain('https URL');
    expect((await create('root', {url: 'http://127.0.0.1:9999/hook'})).statusCode).toBe(201);
    expect((await call('GET', '/api/v1/webhooks', 'root')).json().items).toHaveLength(before + 1);
  });
});
