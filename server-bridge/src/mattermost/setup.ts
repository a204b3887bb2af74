import {z} from 'zod';
import {ensureBot, SetupError, userSchema} from '../setup/botAccount';
import {createMattermostApi, MattermostApiError} from '../setup/mattermostApi';
import {chooseTeams, ensureTaskCommand, listTeams} from '../setup/slashCommands';
import type {MattermostConnection} from './connection';

// The steps that connect the bridge to a Mattermost server, with a system
// admin's token: the Baton bot (system admin role: it needs a server plugin's
// reach — membership checks in private channels, ephemeral posts), its access
// token, and the `/task` command on every team pointing at the bridge.
// Idempotent: what already is as it should be is left alone, and the stored
// bot token is kept while it works. `baton-bridge setup` and the sandbox run it.

export {BOT_USERNAME, SetupError} from '../setup/botAccount';
export {COMMAND_TRIGGER} from '../setup/slashCommands';

export interface SetupOptions {
  mattermostUrl: string;
  adminToken: string;
  /** Where Mattermost reaches the bridge, e.g. https://baton.example.com */
  bridgeUrl: string;
  /** Team names (URL names) to put `/task` on; every team when absent or empty. */
  teams?: string[];
  /** The connection an earlier setup stored: its bot token is reused while it works. */
  previous?: MattermostConnection;
  /** The bot's icon (SVG); the icon is left alone when absent. */
  botIcon?: Buffer;
  fetch?: typeof fetch;
}

export interface SetupResult {
  connection: MattermostConnection;
  /** What this run changed; empty on a run that found everything in place. */
  changes: string[];
  /** Team names that have `/task` now. */
  teams: string[];
}

const configSchema = z.object({ServiceSettings: z.object({SiteURL: z.string().nullish()}).partial().default({})});

export async function setUpMattermost(options: SetupOptions): Promise<SetupResult> {
  const send = options.fetch;
  const admin = createMattermostApi({url: options.mattermostUrl, token: options.adminToken, ...(send ? {fetch: send} : {})});
  const bridgeUrl = options.bridgeUrl.replace(/\/+$/, '');

  const me = await whoIsAdmin(admin);
  if (!me.roles.split(' ').includes('system_admin')) {
    throw new SetupError(`--admin-token belongs to @${me.username}, who is not a system admin; setup needs a system admin's personal access token.`);
  }
  const configured = ((await admin.json('GET', '/config', configSchema)).ServiceSettings.SiteURL ?? '').replace(/\/+$/, '');
  // Mattermost validates SiteURL on save; a value that is no URL is treated as unset rather than stored.
  const siteUrl = z.url().safeParse(configured).success ? configured : '';
  const sameServer = options.previous?.url === admin.url;
  const bot = await ensureBot({
    admin,
    ...(options.botIcon ? {icon: options.botIcon} : {}),
    ...(sameServer && options.previous ? {previousToken: options.previous.botToken} : {}),
    ...(send ? {fetch: send} : {}),
  });
  const teams = chooseTeams(await listTeams(admin), options.teams);
  const changes = [...bot.changes];
  const commandTokens: string[] = [];
  for (const team of teams) {
    const command = await ensureTaskCommand(admin, team, bridgeUrl);
    commandTokens.push(command.token);
    if (command.change) changes.push(command.change);
  }
  const connection: MattermostConnection = {
    url: admin.url,
    botUserId: bot.botUserId,
    botToken: bot.botToken,
    commandTokens,
    bridgeUrl,
    ...(siteUrl ? {siteUrl} : {}),
    ...(options.teams && options.teams.length > 0 ? {onlyTeamIds: teams.map((team) => team.id)} : {}),
  };
  return {connection, changes, teams: teams.map((team) => team.name)};
}

/** The connection only (the sandbox's use). */
export async function connectToMattermost(options: SetupOptions): Promise<MattermostConnection> {
  return (await setUpMattermost(options)).connection;
}

async function whoIsAdmin(admin: ReturnType<typeof createMattermostApi>): Promise<z.infer<typeof userSchema>> {
  try {
    return await admin.json('GET', '/users/me', userSchema);
  } catch (error) {
    if (error instanceof MattermostApiError && error.status === 401) {
      throw new SetupError('--admin-token is not accepted by Mattermost (401): give a system admin personal access token that is active.');
    }
    throw error;
  }
}
