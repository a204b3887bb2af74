import {z} from 'zod';
import {translatorFor} from '../i18n/translate';
import type {MattermostConnection} from '../mattermost/connection';
import {userSchema} from './botAccount';
import {MattermostApiError, type MattermostApi} from './mattermostApi';
import {COMMAND_PATH, COMMAND_TRIGGER, findTaskCommand, listTeams, type SlashCommand, type Team} from './slashCommands';
import {judgeReach} from './untrustedConnections';

// The checks of `baton-bridge doctor`, one function each. A check answers
// with a line: ok, warn (works, but fix it), or fail, and for anything but ok
// the fix in words an operator can follow. No check changes anything.

export type CheckId = 'setup' | 'reachable' | 'version' | 'clock' | 'bot' | 'siteUrl' | 'untrusted' | 'commands' | 'roundTrip' | 'plugin';

export interface CheckLine {
  id: CheckId;
  status: 'ok' | 'warn' | 'fail' | 'skipped';
  text: string;
  fix?: string;
}

export const MIN_VERSION = [11, 1] as const;
export const MAX_CLOCK_SKEW_MS = 60_000;
const RERUN_SETUP = 'run `baton-bridge setup` again (it repairs this and changes nothing else).';

const ok = (id: CheckId, text: string): CheckLine => ({id, status: 'ok', text});
const fail = (id: CheckId, text: string, fix: string): CheckLine => ({id, status: 'fail', text, fix});

/** `11.1.0.12345.abcdef.true` (X-Version-Id) → [11, 1, 0]. */
export function parseVersion(header: string | null): number[] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(header ?? '');
  return match ? match.slice(1, 4).map(Number) : undefined;
}

export function checkVersion(header: string | null): CheckLine {
  const version = parseVersion(header);
  const fix = `upgrade Mattermost to ${MIN_VERSION.join('.')} or later (Baton's plugin and dialogs need it).`;
  if (!version) return fail('version', `Mattermost sent no version (X-Version-Id: ${header ?? 'missing'})`, fix);
  const [major = 0, minor = 0] = version;
  const shown = version.join('.');
  const recent = major > MIN_VERSION[0] || (major === MIN_VERSION[0] && minor >= MIN_VERSION[1]);
  return recent ? ok('version', `Mattermost ${shown} (≥ ${MIN_VERSION.join('.')})`) : fail('version', `Mattermost ${shown} is older than ${MIN_VERSION.join('.')}`, fix);
}

export function checkClock(dateHeader: string | null, now: number): CheckLine {
  const theirs = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(theirs)) return {id: 'clock', status: 'warn', text: 'Mattermost sent no Date header; clock skew not measured', fix: 'check that a proxy in front of Mattermost keeps the Date header.'};
  const skewSeconds = Math.round((now - theirs) / 1000);
  // The header has whole seconds: up to a second of difference is rounding.
  if (Math.abs(now - theirs) <= MAX_CLOCK_SKEW_MS) return ok('clock', `clock within ${MAX_CLOCK_SKEW_MS / 1000} s of Mattermost's (${skewSeconds} s)`);
  return {
    id: 'clock',
    status: 'warn',
    text: `this machine's clock is ${Math.abs(skewSeconds)} s ${skewSeconds > 0 ? 'ahead of' : 'behind'} Mattermost's`,
    fix: 'synchronise both clocks (NTP, e.g. chrony or systemd-timesyncd): reminders, deadlines and session expiry depend on them.',
  };
}

export type BotUser = z.infer<typeof userSchema>;

/** The stored token still works, as the stored bot, which is active and a system admin. */
export async function checkBot(asBot: MattermostApi, connection: MattermostConnection): Promise<{line: CheckLine; bot?: BotUser}> {
  const response = await asBot.send('GET', '/users/me');
  if (response.status === 401) return {line: fail('bot', "Mattermost refuses the bot's access token (the bot was disabled, or the token revoked)", RERUN_SETUP)};
  const me = userSchema.safeParse(await response.json().catch(() => undefined));
  if (response.status !== 200 || !me.success) return {line: fail('bot', `Mattermost answered ${response.status} to the bot's GET /users/me`, RERUN_SETUP)};
  const bot = me.data;
  if (bot.id !== connection.botUserId) return {line: fail('bot', `the bot token belongs to @${bot.username}, not the stored bot`, RERUN_SETUP)};
  if (bot.delete_at !== 0) return {line: fail('bot', `the bot @${bot.username} is deactivated`, RERUN_SETUP)};
  if (!bot.roles.split(' ').includes('system_admin')) {
    return {line: fail('bot', `the bot @${bot.username} lacks the system_admin role (it needs a plugin's reach: private channel membership, ephemeral posts)`, RERUN_SETUP), bot};
  }
  return {line: ok('bot', `bot @${bot.username} is active and a system admin`), bot};
}

const serverConfigSchema = z.object({
  ServiceSettings: z.object({SiteURL: z.string().nullish(), AllowedUntrustedInternalConnections: z.string().nullish()}).partial().default({}),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

export async function readServerConfig(asBot: MattermostApi): Promise<ServerConfig> {
  return asBot.json('GET', '/config', serverConfigSchema);
}

export function checkSiteUrl(config: ServerConfig, connection: MattermostConnection): CheckLine {
  const siteUrl = (config.ServiceSettings.SiteURL ?? '').replace(/\/+$/, '');
  if (siteUrl === '') return fail('siteUrl', 'SiteURL is not set: custom slash commands fail without it', 'set System Console › Environment › Web Server › Site URL to the address people open Mattermost at, then run `baton-bridge setup` again.');
  if (connection.siteUrl !== siteUrl) {
    return {id: 'siteUrl', status: 'warn', text: `SiteURL is ${siteUrl}, but setup recorded ${connection.siteUrl ?? 'none'} (the bridge allows browsers from the recorded one)`, fix: RERUN_SETUP};
  }
  return ok('siteUrl', `SiteURL is ${siteUrl}`);
}

export async function checkUntrusted(config: ServerConfig, bridgeUrl: string, resolve: (host: string) => Promise<string[]>): Promise<CheckLine> {
  const host = new URL(bridgeUrl).hostname.replace(/^\[|\]$/g, '');
  const setting = config.ServiceSettings.AllowedUntrustedInternalConnections ?? '';
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    return fail('untrusted', `the bridge host ${host} does not resolve here (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'give --public-url a host name Mattermost can resolve, then run `baton-bridge setup` again.');
  }
  const verdict = judgeReach(host, addresses, setting);
  switch (verdict.kind) {
    case 'public':
      return ok('untrusted', `the bridge host ${host} is public (${verdict.addresses.join(', ')}); AllowedUntrustedInternalConnections is not needed`);
    case 'listed':
      return ok('untrusted', `AllowedUntrustedInternalConnections lists the bridge host ${host}`);
    case 'covered':
      return ok('untrusted', `AllowedUntrustedInternalConnections covers the bridge host ${host} (${verdict.addresses.join(', ')})`);
    case 'blocked':
      return fail(
        'untrusted',
        `the bridge host ${host} is private or loopback (${verdict.addresses.join(', ')}) and AllowedUntrustedInternalConnections (${setting === '' ? 'empty' : `"${setting}"`}) does not cover it: Mattermost will refuse to call the bridge`,
        `add ${host} to System Console › Environment › Developer › Allow untrusted internal connections to (ServiceSettings.AllowedUntrustedInternalConnections).`,
      );
  }
}

export interface CommandsFound {
  line: CheckLine;
  /** A team whose `/task` is this bridge's, for the round trip. */
  usable?: {team: Team; command: SlashCommand};
}

export async function checkCommands(asBot: MattermostApi, connection: MattermostConnection, bridgeUrl: string): Promise<CommandsFound> {
  const expected = `${bridgeUrl.replace(/\/+$/, '')}${COMMAND_PATH}`;
  const all = await listTeams(asBot);
  const teams = connection.onlyTeamIds ? all.filter((team) => connection.onlyTeamIds?.includes(team.id)) : all;
  const problems: string[] = [];
  let usable: CommandsFound['usable'];
  for (const team of teams) {
    const command = await findTaskCommand(asBot, team.id);
    if (!command) problems.push(`team ${team.name} has no /${COMMAND_TRIGGER}`);
    else if (command.url !== expected) problems.push(`/${COMMAND_TRIGGER} on team ${team.name} points at ${command.url}`);
    else if (!connection.commandTokens.includes(command.token)) problems.push(`/${COMMAND_TRIGGER} on team ${team.name} has a token the bridge does not know (regenerated?)`);
    else usable ??= {team, command};
  }
  if (teams.length === 0) return {line: fail('commands', 'no team to put /task on', 'create a team (or check --team), then run `baton-bridge setup` again.')};
  if (problems.length > 0) return {line: fail('commands', `${problems.join('; ')} (expected ${expected})`, RERUN_SETUP), ...(usable ? {usable} : {})};
  return {line: ok('commands', `/${COMMAND_TRIGGER} on ${teams.length} team(s) points at ${expected}`), ...(usable ? {usable} : {})};
}

const commandResponseSchema = z.object({text: z.string().default('')});

/**
 * The bot runs `/task help` through Mattermost (in its own DM), so Mattermost
 * calls the bridge's public URL with the command token: only a bridge holding
 * this setup's tokens answers with Baton's help.
 */
export async function checkRoundTrip(asBot: MattermostApi, bot: BotUser, usable: CommandsFound['usable'], bridgeUrl: string): Promise<CheckLine> {
  const fix = `start \`baton-bridge serve\` and make ${bridgeUrl} reachable from the Mattermost server (firewall, proxy, --public-url), then see the AllowedUntrustedInternalConnections line.`;
  if (!usable) return fail('roundTrip', `no /${COMMAND_TRIGGER} points at this bridge, so Mattermost cannot reach it`, RERUN_SETUP);
  const dm = await asBot.json('POST', '/channels/direct', z.object({id: z.string()}), {body: [bot.id, bot.id]});
  let reply: z.infer<typeof commandResponseSchema>;
  try {
    reply = await asBot.json('POST', '/commands/execute', commandResponseSchema, {body: {command: `/${COMMAND_TRIGGER} help`, channel_id: dm.id, team_id: usable.team.id}});
  } catch (error) {
    if (error instanceof MattermostApiError) return fail('roundTrip', `Mattermost could not get an answer from ${bridgeUrl}${COMMAND_PATH}: ${error.message}`, fix);
    throw error;
  }
  const title = `#### ${translatorFor(bot.locale)('command.help.title')}`;
  if (!reply.text.startsWith(title)) {
    return fail('roundTrip', `/${COMMAND_TRIGGER} help was answered, but not by Baton: "${reply.text.split('\n')[0]?.slice(0, 80) ?? ''}"`, `check that ${bridgeUrl} is this bridge (not another service or an older bridge), then run \`baton-bridge setup\` again.`);
  }
  return ok('roundTrip', `Mattermost reached the bridge: /${COMMAND_TRIGGER} help on team ${usable.team.name} came back from ${bridgeUrl}`);
}

const manifestSchema = z.looseObject({id: z.string(), version: z.string().default('')});
const pluginsSchema = z.object({active: z.array(manifestSchema).nullish(), inactive: z.array(manifestSchema).nullish()});

export async function checkPlugin(asBot: MattermostApi, plugin: {id: string; version: string}): Promise<CheckLine> {
  const bundle = `dist/${plugin.id}-${plugin.version}.tar.gz`;
  const response = await asBot.send('GET', '/plugins');
  if (response.status === 501) return fail('plugin', 'plugins are disabled on this server', 'set System Console › Plugins › Plugin Management › Enable Plugins to true.');
  const parsed = pluginsSchema.safeParse(await response.json().catch(() => undefined));
  if (response.status !== 200 || !parsed.success) return fail('plugin', `Mattermost answered ${response.status} to GET /plugins`, RERUN_SETUP);
  const active = (parsed.data.active ?? []).find((manifest) => manifest.id === plugin.id);
  const inactive = (parsed.data.inactive ?? []).find((manifest) => manifest.id === plugin.id);
  if (!active && !inactive) return fail('plugin', `the plugin ${plugin.id} is not installed`, `upload ${bundle} in System Console › Plugins › Plugin Management, then enable it.`);
  if (!active) return fail('plugin', `the plugin ${plugin.id} is installed but disabled`, `enable ${plugin.id} in System Console › Plugins › Plugin Management.`);
  if (active.version !== plugin.version) {
    return fail('plugin', `the plugin ${plugin.id} ${active.version} is enabled, but this bridge is ${plugin.version}`, `upload ${bundle} in System Console › Plugins › Plugin Management (bridge and plugin ship together).`);
  }
  return ok('plugin', `plugin ${plugin.id} ${plugin.version} is installed and enabled`);
}
