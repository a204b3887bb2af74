import {z} from 'zod';
import type {MattermostConnection} from './connection';

// The steps that connect the bridge to a Mattermost server, with a system
// admin's token: the Baton bot (system admin role: it needs a server plugin's
// reach — membership checks in private channels, ephemeral posts), its access
// token, and the `/task` command on every team pointing at the bridge.
// Idempotent: an existing bot and existing commands are reused and updated.
// The sandbox runs it against the simulator; `baton-bridge setup` will run it
// against a real server.

export const BOT_USERNAME = 'baton';
export const COMMAND_TRIGGER = 'task';

const userSchema = z.object({id: z.string(), username: z.string(), roles: z.string(), is_bot: z.boolean().optional()});
const teamSchema = z.object({id: z.string(), name: z.string()});
const commandSchema = z.object({id: z.string(), token: z.string(), trigger: z.string(), team_id: z.string(), url: z.string(), delete_at: z.number().optional()});
const tokenSchema = z.object({token: z.string()});

export interface SetupOptions {
  mattermostUrl: string;
  adminToken: string;
  /** Where Mattermost reaches the bridge, e.g. https://baton.example.com */
  bridgeUrl: string;
  fetch?: typeof fetch;
}

export class SetupError extends Error {}

export async function connectToMattermost(options: SetupOptions): Promise<MattermostConnection> {
  const send = options.fetch ?? fetch;
  const base = options.mattermostUrl.replace(/\/+$/, '');
  const call = async <T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, okStatuses = [200, 201]): Promise<T> => {
    const response = await send(`${base}/api/v4${path}`, {
      method,
      headers: {Authorization: `Bearer ${options.adminToken}`, 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
      ...(body === undefined ? {} : {body: JSON.stringify(body)}),
      signal: AbortSignal.timeout(15_000),
    });
    const json: unknown = await response.json().catch(() => undefined);
    if (!okStatuses.includes(response.status)) {
      const detail = typeof json === 'object' && json !== null && 'message' in json ? `: ${String((json as {message: unknown}).message)}` : '';
      throw new SetupError(`Mattermost answered ${response.status} to ${method} ${path}${detail}`);
    }
    return schema.parse(json);
  };

  const me = await call('GET', '/users/me', userSchema);
  if (!me.roles.split(' ').includes('system_admin')) throw new SetupError(`@${me.username} is not a system admin; setup needs a system admin's token.`);

  const bot = await findOrCreateBot(call);
  await call('PUT', `/users/${bot.id}/roles`, z.unknown(), {roles: 'system_user system_admin'});
  const {token: botToken} = await call('POST', `/users/${bot.id}/tokens`, tokenSchema, {description: 'baton-bridge'});

  const commandUrl = `${options.bridgeUrl.replace(/\/+$/, '')}/mattermost/command`;
  const teams = await call('GET', '/teams?per_page=200', z.array(teamSchema));
  const commandTokens: string[] = [];
  for (const team of teams) {
    const existing = (await call('GET', `/commands?team_id=${team.id}&custom_only=true`, z.array(commandSchema))).find(
      (command) => command.trigger === COMMAND_TRIGGER && !command.delete_at,
    );
    const definition = {
      team_id: team.id,
      trigger: COMMAND_TRIGGER,
      method: 'P',
      url: commandUrl,
      auto_complete: true,
      auto_complete_desc: 'Baton tasks and handoffs: who has the baton, what is due',
      auto_complete_hint: '[help | new | mine | pass | done | …]',
      display_name: 'Baton',
      description: 'Workflow and task handoffs',
      username: BOT_USERNAME,
    };
    const command = existing
      ? await call('PUT', `/commands/${existing.id}`, commandSchema, {...existing, ...definition})
      : await call('POST', '/commands', commandSchema, definition);
    commandTokens.push(command.token);
  }
  return {url: base, botUserId: bot.id, botToken, commandTokens, bridgeUrl: options.bridgeUrl.replace(/\/+$/, '')};
}

type Call = <T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, okStatuses?: number[]) => Promise<T>;

async function findOrCreateBot(call: Call): Promise<z.infer<typeof userSchema>> {
  const existing = await call('GET', `/users/username/${BOT_USERNAME}`, userSchema.nullable().catch(null), undefined, [200, 404]);
  if (existing && existing.id) {
    if (!existing.is_bot) throw new SetupError(`The username @${BOT_USERNAME} belongs to a person, not a bot; rename that account first.`);
    return existing;
  }
  const created = await call('POST', '/bots', z.object({user_id: z.string()}), {
    username: BOT_USERNAME,
    display_name: 'Baton',
    description: 'Tells you when the baton reaches you: tasks, handoffs, deadlines.',
  });
  return call('GET', `/users/${created.user_id}`, userSchema);
}
