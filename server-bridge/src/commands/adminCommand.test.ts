import {API_TOKEN_PATTERN} from '../contract';
import {createApiTokenService} from '../domain/tokens/apiTokenService';
import type {Caller} from '../domain/tasks/task';
import {translatorFor} from '../i18n/translate';
import {type Database, openDatabase} from '../storage/database';
import {createApiTokenRepository} from '../storage/apiTokenRepository';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {parseTaskCommand} from './grammar';
import {handleTaskCommand, type TaskCommandDeps} from './taskCommand';

// `/task admin tokens …` with the real token service on a real store, on
// both engines: system admins create (the token in the reply only), list and
// revoke; members and guests are refused in their language.

const [admin, sato, kim] = [mmId('admin'), mmId('sato'), mmId('kim')];
const [patents, acme] = [mmId('patents'), mmId('acme')];
const access = fakeChannelAccess({
  channels: {[patents]: {name: 'patents', members: [admin, sato]}, [acme]: {name: 'client-acme', members: [kim]}},
  systemAdmins: [admin],
});

describe('the /task admin grammar', () => {
  it.each([
    ['admin tokens create Billing system scopes:tasks:read,workflows:start channels:~patents,~client-acme', {kind: 'admin_tokens_create', name: 'Billing system', scopes: ['tasks:read', 'workflows:start'], channels: ['~patents', '~client-acme']}],
    ['admin tokens create ERP scopes:TASKS:WRITE', {kind: 'admin_tokens_create', name: 'ERP', scopes: ['tasks:write'], channels: null}],
    ['admin tokens list', {kind: 'admin_tokens_list'}],
    ['admin tokens revoke 0123456789abcdef', {kind: 'admin_tokens_revoke', id: '0123456789abcdef'}],
    ['admin', {kind: 'admin_usage'}],
    ['admin tokens create scopes:tasks:read', {kind: 'admin_usage'}],
    ['admin tokens create Nameless', {kind: 'admin_usage'}],
    ['admin tokens create X scopes:tasks:read scopes:tasks:write', {kind: 'admin_usage'}],
    ['admin tokens revoke', {kind: 'admin_usage'}],
    ['admin users list', {kind: 'admin_usage'}],
  ])('reads %s', (text, parsed) => {
    expect(parseTaskCommand(text)).toEqual(parsed);
  });
});

describe.each(engineNames)('/task admin tokens on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let deps: TaskCommandDeps;

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    const apiTokens = createApiTokenService({store: createApiTokenRepository(database.db), access, bot: {botUserId: async () => mmId('baton')}, clock: {now: () => new Date()}});
    // `/task admin` reaches only the token service; anything else would fail loudly.
    deps = {apiTokens} as unknown as TaskCommandDeps;
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  const run = (text: string, caller: Caller, locale = 'en') =>
    handleTaskCommand({text, caller, mentions: new Map(), channelMentions: new Map([['patents', patents], ['client-acme', acme]]), t: translatorFor(locale), locale, channelId: patents}, deps);
  const asAdmin: Caller = {userId: admin, guest: false};

  it('creates a token for an admin and shows it once, in the reply', async () => {
    const reply = await run('admin tokens create EcoIP billing scopes:tasks:read,workflows:start,workflows:advance channels:~patents', asAdmin);
    const token = /`(baton_[^`]+)`/.exec(reply.text)?.[1] ?? '';
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(reply.text).toContain('**EcoIP billing**');
    expect(reply.text).toContain('shown only this once');
    const row = await database.db.selectFrom('api_tokens').selectAll().where('name', '=', 'EcoIP billing').executeTakeFirstOrThrow();
    expect(row).toMatchObject({scopes: ['tasks:read', 'workflows:start', 'workflows:advance'], channel_ids: [patents], created_by: admin});
    expect(JSON.stringify(row)).not.toContain(token.slice(23));

    const listed = (await run('admin tokens list', asAdmin)).text;
    expect(listed).toContain(`\`${row.id}\` **EcoIP billing** · tasks:read, workflows:start, workflows:advance · \`${patents}\``);
    expect(listed).toContain('last used never');
    expect(listed).not.toContain(token);
  });

  it('takes channel ids as well as ~names, and every channel without a list', async () => {
    await run(`admin tokens create Docketing scopes:tasks:write channels:${acme}`, asAdmin);
    await run('admin tokens create Everything scopes:tasks:read', asAdmin);
    const rows = await database.db.selectFrom('api_tokens').select(['name', 'channel_ids']).where('name', 'in', ['Docketing', 'Everything']).orderBy('name').execute();
    expect(rows).toEqual([{name: 'Docketing', channel_ids: [acme]}, {name: 'Everything', channel_ids: null}]);
    expect((await run('admin tokens list', asAdmin)).text).toContain('every channel');
  });

  it('says what is wrong with a scope or a channel, creating nothing', async () => {
    const badScope = (await run('admin tokens create Wrong scopes:tasks:delete', asAdmin)).text;
    expect(badScope).toContain('Nothing was created: scopes.0: must be one of tasks:read, tasks:write, workflows:start, workflows:advance');
    expect(badScope).toContain('/task admin tokens create');
    expect((await run('admin tokens create Wrong scopes:tasks:read channels:~nowhere', asAdmin)).text).toContain('Unknown channel `~nowhere`');
    expect(await database.db.selectFrom('api_tokens').select('id').where('name', '=', 'Wrong').execute()).toEqual([]);
  });

  it('revokes by id', async () => {
    const {id} = await database.db.selectFrom('api_tokens').select('id').where('name', '=', 'Everything').executeTakeFirstOrThrow();
    expect((await run(`admin tokens revoke ${id}`, asAdmin)).text).toBe(`API token **Everything** (\`${id}\`) is revoked: it stops working at once.`);
    expect((await run('admin tokens list', asAdmin)).text).toMatch(new RegExp(`\`${id}\` \\*\\*Everything\\*\\*.* · revoked \\d{4}-\\d{2}-\\d{2}`));
    expect((await run('admin tokens revoke nosuchtoken', asAdmin)).text).toContain('Nothing was changed');
  });

  it('refuses members and guests in their language, and shows the usage for anything else', async () => {
    expect((await run('admin tokens list', {userId: sato, guest: false})).text).toBe('Nothing was changed: Only Mattermost system admins can manage API tokens.');
    expect((await run('admin tokens create Sneaky scopes:tasks:read', {userId: kim, guest: true}, 'ja')).text).toBe('Nothing was changed: API トークンを管理できるのは Mattermost のシステム管理者だけです。'.replace('Nothing was changed: ', translatorFor('ja')('command.failed', {message: ''})));
    expect(await database.db.selectFrom('api_tokens').select('id').where('name', '=', 'Sneaky').execute()).toEqual([]);
    expect((await run('admin', asAdmin)).text).toBe(translatorFor('en')('command.admin.usage'));
    expect((await run('admin tokens', asAdmin, 'ru')).text).toBe(translatorFor('ru')('command.admin.usage'));
  });
});
