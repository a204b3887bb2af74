import {z} from 'zod';
import {createMattermostApi, MattermostApiError, type MattermostApi} from './mattermostApi';

// The Baton bot, made or repaired by `setup` with a system admin's token:
// the account (name, description, icon), the system_admin role, and an access
// token. Every step first looks and changes only what differs, so a second
// run changes nothing.

export const BOT_USERNAME = 'baton';
export const BOT_DISPLAY_NAME = 'Baton';
export const BOT_DESCRIPTION = 'Tells you when the baton reaches you: tasks, handoffs, deadlines.';
const TOKEN_DESCRIPTION = 'baton-bridge';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  roles: z.string().default(''),
  is_bot: z.boolean().default(false),
  delete_at: z.number().default(0),
  locale: z.string().default('en'),
});
const botSchema = z.object({user_id: z.string(), display_name: z.string().default(''), description: z.string().default(''), delete_at: z.number().default(0)});

export class SetupError extends Error {
  override readonly name = 'SetupError';
}

export interface BotResult {
  botUserId: string;
  botToken: string;
  /** What this run changed, for the summary (empty when nothing did). */
  changes: string[];
}

export interface BotOptions {
  admin: MattermostApi;
  /** The SVG for the bot's icon; undefined leaves the icon alone. */
  icon?: Buffer;
  /** The token stored by an earlier setup; reused while it still works for this bot. */
  previousToken?: string;
  fetch?: typeof fetch;
}

export async function ensureBot({admin, icon, previousToken, fetch: send}: BotOptions): Promise<BotResult> {
  const changes: string[] = [];
  const user = await findOrCreateBotUser(admin, changes);
  const bot = await admin.json('GET', `/bots/${user.id}?include_deleted=true`, botSchema);
  if (bot.delete_at !== 0) {
    await admin.json('POST', `/bots/${user.id}/enable`, z.unknown());
    changes.push(`enabled the deactivated bot @${BOT_USERNAME}`);
  }
  if (bot.display_name !== BOT_DISPLAY_NAME || bot.description !== BOT_DESCRIPTION) {
    await admin.json('PUT', `/bots/${user.id}`, z.unknown(), {body: {display_name: BOT_DISPLAY_NAME, description: BOT_DESCRIPTION}});
    changes.push(`set the bot's display name and description`);
  }
  if (icon && !(await hasIcon(admin, user.id, icon))) {
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(icon)], {type: 'image/svg+xml'}), 'baton.svg');
    const response = await admin.send('POST', `/bots/${user.id}/icon`, {body: form});
    if (response.status !== 200) throw new SetupError(`Mattermost answered ${response.status} when setting the bot's icon: ${await errorMessage(response)}`);
    changes.push(`set the bot's icon`);
  }
  const roles = user.roles.split(' ').filter((role) => role !== '');
  if (!roles.includes('system_admin')) {
    const wanted = [...new Set(['system_user', ...roles, 'system_admin'])].join(' ');
    await admin.json('PUT', `/users/${user.id}/roles`, z.unknown(), {body: {roles: wanted}});
    changes.push('gave the bot the system_admin role');
  }
  if (previousToken && (await tokenWorksFor(admin.url, previousToken, user.id, send))) {
    return {botUserId: user.id, botToken: previousToken, changes};
  }
  const {token} = await admin.json('POST', `/users/${user.id}/tokens`, z.object({token: z.string().min(1)}), {body: {description: TOKEN_DESCRIPTION}});
  changes.push(previousToken ? 'created a new bot access token (the stored one no longer works)' : 'created the bot access token');
  return {botUserId: user.id, botToken: token, changes};
}

async function findOrCreateBotUser(admin: MattermostApi, changes: string[]): Promise<z.infer<typeof userSchema>> {
  const lookup = await admin.send('GET', `/users/username/${BOT_USERNAME}`);
  if (lookup.status === 200) {
    const found = userSchema.parse(await lookup.json());
    if (!found.is_bot) throw new SetupError(`The username @${BOT_USERNAME} belongs to a person, not a bot; rename that account in the System Console, then run setup again.`);
    return found;
  }
  if (lookup.status !== 404) throw new SetupError(`Mattermost answered ${lookup.status} when looking up @${BOT_USERNAME}: ${await errorMessage(lookup)}`);
  let created: {user_id: string};
  try {
    created = await admin.json('POST', '/bots', z.object({user_id: z.string()}), {body: {username: BOT_USERNAME, display_name: BOT_DISPLAY_NAME, description: BOT_DESCRIPTION}});
  } catch (error) {
    if (error instanceof MattermostApiError && error.mattermostId === 'api.bot.create_disabled') {
      throw new SetupError('Mattermost does not allow bot accounts: turn on System Console › Integrations › Bot Accounts › Enable Bot Account Creation, then run setup again.');
    }
    throw error;
  }
  changes.push(`created the bot @${BOT_USERNAME}`);
  return admin.json('GET', `/users/${created.user_id}`, userSchema);
}

async function hasIcon(admin: MattermostApi, botUserId: string, icon: Buffer): Promise<boolean> {
  const response = await admin.send('GET', `/bots/${botUserId}/icon`);
  if (response.status !== 200) return false;
  return Buffer.from(await response.arrayBuffer()).equals(icon);
}

/** The stored token still authenticates as this bot (not revoked, bot not replaced). */
async function tokenWorksFor(url: string, token: string, botUserId: string, send?: typeof fetch): Promise<boolean> {
  const asBot = createMattermostApi({url, token, ...(send ? {fetch: send} : {})});
  const response = await asBot.send('GET', '/users/me');
  if (response.status !== 200) return false;
  const me = userSchema.safeParse(await response.json().catch(() => undefined));
  return me.success && me.data.id === botUserId;
}

async function errorMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  return typeof body === 'object' && body !== null && typeof (body as {message?: unknown}).message === 'string' ? (body as {message: string}).message : 'no details';
}
