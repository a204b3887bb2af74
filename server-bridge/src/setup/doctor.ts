import {lookup} from 'node:dns/promises';
import type {MattermostConnection} from '../mattermost/connection';
import {
  checkBot,
  checkClock,
  checkCommands,
  checkPlugin,
  checkRoundTrip,
  checkSiteUrl,
  checkUntrusted,
  checkVersion,
  type CheckId,
  type CheckLine,
  readServerConfig,
} from './doctorChecks';
import {createMattermostApi, MattermostUnreachableError} from './mattermostApi';

// `baton-bridge doctor`: reads the stored connection and checks, one line
// each, everything the bridge needs from Mattermost. Everything it touches
// comes in (fetch, clock, DNS), so each check can be broken on purpose in a test.

export type {CheckId, CheckLine} from './doctorChecks';

export interface DoctorDeps {
  /** What setup stored; undefined before setup has run. */
  connection: MattermostConnection | undefined;
  /** This bridge's plugin (plugin.json): the one that must be installed. */
  plugin: {id: string; version: string};
  fetch?: typeof fetch;
  now?: () => number;
  /** Host name → IP addresses, as Mattermost would resolve the bridge's host. */
  resolve?: (host: string) => Promise<string[]>;
}

const ORDER: CheckId[] = ['reachable', 'version', 'clock', 'bot', 'siteUrl', 'untrusted', 'commands', 'roundTrip', 'plugin'];

const LABELS: Record<CheckId, string> = {
  setup: 'setup',
  reachable: 'Mattermost reachable',
  version: 'Mattermost version',
  clock: 'clock',
  bot: 'bot account',
  siteUrl: 'SiteURL',
  untrusted: 'AllowedUntrustedInternalConnections',
  commands: '/task commands',
  roundTrip: 'bridge reachable from Mattermost',
  plugin: 'plugin',
};

const defaultResolve = async (host: string) => (await lookup(host, {all: true, verbatim: true})).map((entry) => entry.address);

export async function runDoctor(deps: DoctorDeps): Promise<CheckLine[]> {
  const {connection} = deps;
  const setupFix = 'run `baton-bridge setup --mattermost-url … --admin-token … --public-url …`.';
  if (!connection) return [{id: 'setup', status: 'fail', text: 'no Mattermost connection is stored', fix: setupFix}];
  const bridgeUrl = connection.bridgeUrl;
  if (!bridgeUrl) return [{id: 'setup', status: 'fail', text: 'the stored connection has no public URL for the bridge (an older setup stored it)', fix: setupFix}];
  const send = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const lines: CheckLine[] = [];
  const skipRest = (reason: string) => {
    for (const id of ORDER) if (!lines.some((line) => line.id === id)) lines.push({id, status: 'skipped', text: `not checked: ${reason}`});
    return lines;
  };

  const anonymous = createMattermostApi({url: connection.url, fetch: send});
  let ping: Response;
  try {
    ping = await anonymous.send('GET', '/system/ping');
  } catch (error) {
    if (!(error instanceof MattermostUnreachableError)) throw error;
    lines.push({id: 'reachable', status: 'fail', text: error.message, fix: `start Mattermost, or check that this machine reaches ${connection.url} (run setup again if its address changed).`});
    return skipRest('Mattermost is unreachable');
  }
  if (ping.status !== 200) {
    lines.push({id: 'reachable', status: 'fail', text: `${connection.url}/api/v4/system/ping answered ${ping.status}`, fix: `check that ${connection.url} is Mattermost itself, not a proxy error page.`});
    return skipRest('Mattermost is unreachable');
  }
  lines.push({id: 'reachable', status: 'ok', text: `Mattermost answers at ${connection.url}`});
  lines.push(checkVersion(ping.headers.get('x-version-id')));
  lines.push(checkClock(ping.headers.get('date'), now()));

  const asBot = createMattermostApi({url: connection.url, token: connection.botToken, fetch: send});
  const {line: botLine, bot} = await checkBot(asBot, connection);
  lines.push(botLine);
  if (!bot || botLine.status !== 'ok') return skipRest('the bot cannot act as a system admin');

  const config = await readServerConfig(asBot);
  lines.push(checkSiteUrl(config, connection));
  lines.push(await checkUntrusted(config, bridgeUrl, deps.resolve ?? defaultResolve));
  const commands = await checkCommands(asBot, connection, bridgeUrl);
  lines.push(commands.line);
  lines.push(await checkRoundTrip(asBot, bot, commands.usable, bridgeUrl));
  lines.push(await checkPlugin(asBot, deps.plugin));
  return lines;
}

/** Passed: nothing failed (warnings and skipped checks after a failure do not count). */
export function doctorPassed(lines: readonly CheckLine[]): boolean {
  return lines.every((line) => line.status !== 'fail');
}

const MARKS: Record<CheckLine['status'], string> = {ok: '✓', warn: '!', fail: '✗', skipped: '-'};

/** `✓ SiteURL: SiteURL is https://…` and, below a problem, `    fix: …`. */
export function formatDoctorLines(lines: readonly CheckLine[]): string[] {
  return lines.flatMap((line) => [`${MARKS[line.status]} ${LABELS[line.id]}: ${line.text}`, ...(line.fix ? [`    fix: ${line.fix}`] : [])]);
}
