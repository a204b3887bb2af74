import type {TaskCommandDeps} from '../../commands/taskCommand';
import {createLogger} from '../../logging/logger';
import type {MattermostConnection} from '../../mattermost/connection';
import {buildHttpServer} from '../server';
import {registerCommandRoute} from './mattermostCommand';

const connection: MattermostConnection = {url: 'http://mm.test', botUserId: 'bot', botToken: 'bot-token', commandTokens: ['team-a-token', 'team-b-token']};
const locales: Record<string, string> = {sato: 'ja', ivanova: 'ru'};

const opened: unknown[] = [];
const tokensCreated: unknown[] = [];

function server(logger = createLogger('silent')) {
  return buildHttpServer({
    logger,
    isStarted: () => true,
    readiness: {check: async () => ({engine: 'embedded'})},
    routes: [
      (http) =>
        registerCommandRoute(http, () => ({
          connection: {get: async () => connection},
          userLocale: async (id) => locales[id] ?? 'en',
          callerOf: async (userId) => ({userId, guest: false}),
          // The route's own concerns (token, locale, form) need no task service: help and typos touch none.
          commands: {
            tasks: {} as TaskCommandDeps['tasks'],
            workflows: {listTemplates: async () => [], startRun: async () => Promise.reject(new Error('not in these tests'))},
            username: async () => undefined,
            stats: {} as TaskCommandDeps['stats'],
            timeZoneOf: async () => 'UTC',
            settings: {} as TaskCommandDeps['settings'],
            calendar: {
              addBusinessDays: () => {
                throw new Error('not in these tests');
              },
              businessDaysBetween: () => {
                throw new Error('not in these tests');
              },
            },
            now: () => new Date('2026-11-20T00:00:00Z'),
            openNewTaskDialog: async (request) => {
              opened.push(request);
            },
            openWorkflowStartDialog: async () => Promise.reject(new Error('not in these tests')),
            openSettingsDialog: async () => Promise.reject(new Error('not in these tests')),
            session: {issue: async (caller) => ({token: `token-of-${caller.userId}`, expiresAt: new Date('2026-11-20T12:00:00Z')}), bridgeUrl: async () => 'https://baton.example'},
            apiTokens: {
              create: async (caller, input) => {
                tokensCreated.push(input);
                const record = {id: '0123456789abcdef', name: input.name, tokenHash: '', scopes: input.scopes, channelIds: input.channelIds ?? null, createdBy: caller.userId, createdAt: new Date(), lastUsedAt: null, revokedAt: null};
                return {record, token: `baton_0123456789abcdef_${'s'.repeat(43)}`};
              },
              list: async () => [],
              revoke: async () => Promise.reject(new Error('not in these tests')),
            },
          },
        })),
    ],
  });
}

// Exactly what Mattermost sends (server/channels/app/command.go): a form post
// with the token in the body and in `Authorization: Token`.
function commandForm(fields: Record<string, string | string[]>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(key, item);
  return form.toString();
}

const invoke = (fields: Record<string, string | string[]>, token = fields.token as string) =>
  server().inject({
    method: 'POST',
    url: '/mattermost/command',
    headers: {'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Token ${token}`},
    payload: commandForm(fields),
  });

const base = {token: 'team-b-token', team_id: 't1', team_domain: 'acme', channel_id: 'c1', channel_name: 'patents', user_id: 'sato', user_name: 'sato', command: '/task', text: 'help', trigger_id: 'tr', response_url: 'http://mm.test/hooks/commands/x', user_mentions: ['a', 'b'], user_mentions_ids: ['1', '2']};

describe('POST /mattermost/command', () => {
  it('answers a valid command with an ephemeral reply in the caller’s locale', async () => {
    const response = await invoke(base);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({response_type: 'ephemeral', text: expect.stringContaining('バトンを持っているのは誰か')});
  });

  it('answers a typo with the usage line', async () => {
    const response = await invoke({...base, user_id: 'ivanova', text: 'hepl me'});
    expect(response.json().text).toBe('Неизвестная подкоманда `hepl`. Возможно, вы имели в виду `/task help`? Использование: `/task help`');
  });

  it('opens the new-task dialog with the request’s trigger_id', async () => {
    const response = await invoke({...base, text: 'new', trigger_id: 'trigger-from-mattermost'});
    expect(response.json()).toEqual({response_type: 'ephemeral', text: ''});
    expect(opened).toEqual([{triggerId: 'trigger-from-mattermost', userId: 'sato', channelId: 'c1'}]);
  });

  it('answers `connect` with the session in props and no text', async () => {
    const response = await invoke({...base, text: 'connect'});
    expect(response.json()).toEqual({
      response_type: 'ephemeral',
      text: '',
      props: {baton_url: 'https://baton.example', baton_token: 'token-of-sato', baton_expires_at: '2026-11-20T12:00:00.000Z'},
    });
  });

  it('never writes the session token to the log, even where a reply is logged whole', async () => {
    const lines: string[] = [];
    const logger = createLogger('trace', {write: (line: string) => void lines.push(line)});
    const app = server(logger);
    app.addHook('onSend', async (request, _reply, payload) => {
      request.log.info({reply: JSON.parse(String(payload))}, 'reply');
      return payload;
    });
    const response = await app.inject({method: 'POST', url: '/mattermost/command', headers: {'content-type': 'application/x-www-form-urlencoded', authorization: 'Token team-b-token'}, payload: commandForm({...base, text: 'connect'})});
    expect(response.json().props.baton_token).toBe('token-of-sato');
    expect(lines.join('')).toContain('"baton_token":"[redacted]"');
    expect(lines.join('')).not.toContain('token-of-sato');
  });

  it('hands the ~channels Mattermost resolved to `/task admin tokens create`', async () => {
    const patents = 'p'.repeat(26);
    const acme = 'a'.repeat(26);
    const response = await invoke({...base, user_id: 'admin', text: 'admin tokens create Billing scopes:tasks:read channels:~patents,~client-acme', channel_mentions: ['patents', 'client-acme'], channel_mentions_ids: [patents, acme]});
    expect(response.json().text).toContain(`baton_0123456789abcdef_${'s'.repeat(43)}`);
    expect(tokensCreated).toEqual([{name: 'Billing', scopes: ['tasks:read'], channelIds: [patents, acme]}]);
  });

  it('rejects an unknown token with 401', async () => {
    const response = await invoke({...base, token: 'forged'});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({id: 'baton.unauthorized.command_token'});
  });

  it('rejects a header token that differs from the body token', async () => {
    const response = await invoke(base, 'team-a-token');
    expect(response.statusCode).toBe(401);
  });

  it('names the missing field of a malformed request', async () => {
    const {user_id: _omitted, ...withoutUser} = base;
    const response = await invoke(withoutUser);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({id: 'baton.bad_request.command', details: {field: 'user_id'}});
  });
});
