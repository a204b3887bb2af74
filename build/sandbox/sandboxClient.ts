import {issueSessionToken, SESSION_SIGNING_KEY_SETTING} from '../../server-bridge/src/http/bridgeSession';
import {findChannelByName, findUserByUsername} from '../mattermost-sim/src/store/store';
import {createSession} from '../mattermost-sim/src/services/users';
import type {RunningSandbox} from './sandbox';

// What sandbox tests do again and again, over real HTTP: act as a seeded
// person in Mattermost (REST, slash commands) or on the bridge's API (with a
// bridge session, as the webapp would), and read the DMs the bot sent.

export interface DirectPost {
  id: string;
  message: string;
  props: {attachments?: Array<{actions?: Array<{id: string; name?: string}>; footer?: string; fields?: Array<{title: string; value: string}>}>; [key: string]: unknown};
}

/** A dialog Mattermost sent a client to open (`open_dialog` over the WebSocket), as the bridge defined it. */
export interface OpenedDialog {
  userId: string;
  dialog: {url: string; dialog: {callback_id: string; state: string; elements: Array<{name: string; options?: Array<{text: string; value: string}> | null; default?: string}>}};
}

/**
 * Dialogs reach the user's client over the WebSocket: keeps every one the
 * simulator sends from now on (the returned list fills as they come).
 */
export function recordOpenedDialogs(sandbox: RunningSandbox): OpenedDialog[] {
  const dialogs: OpenedDialog[] = [];
  const hub = sandbox.simulator.ctx.hub;
  const publish = hub.publish.bind(hub);
  hub.publish = (event, data, broadcast) => {
    if (event === 'open_dialog') dialogs.push({userId: String(broadcast.user_id), dialog: JSON.parse(String(data.dialog)) as OpenedDialog['dialog']});
    publish(event, data, broadcast);
  };
  return dialogs;
}

export interface BridgeAnswer {
  status: number;
  body: Record<string, unknown>;
}

export function sandboxClient(sandbox: RunningSandbox) {
  const ctx = () => sandbox.simulator.ctx;
  const userId = (username: string) => findUserByUsername(ctx().store, username)?.id ?? '';
  const teamId = () => [...ctx().store.teams.values()][0]?.id ?? '';
  const channelId = (name: string) => findChannelByName(ctx().store, teamId(), name)?.id ?? '';

  /** A Mattermost REST call as the person (a fresh session each time, like a signed-in client). */
  const mattermost = (username: string, method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.simulator.url}/api/v4${path}`, {
      method,
      headers: {Authorization: `Bearer ${createSession(ctx(), userId(username)).token}`, ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
      ...(body === undefined ? {} : {body: JSON.stringify(body)}),
    });

  /** `/task …` typed by the person in a channel of the seeded team; Mattermost's answer. */
  const slash = async (username: string, command: string, channel = 'patents') =>
    (await (await mattermost(username, 'POST', '/commands/execute', {command, channel_id: channelId(channel), team_id: teamId()})).json()) as {text?: string; props?: Record<string, unknown>};

  /** A bridge session for the person, as `/task connect` issues it (`issuedAt` in the past for an expired one). */
  async function sessionToken(username: string, issuedAt?: Date): Promise<string> {
    const key = Buffer.from(String(await sandbox.bridge.settings.get(SESSION_SIGNING_KEY_SETTING)), 'base64');
    return (await issueSessionToken(new Uint8Array(key), {userId: userId(username), guest: false}, issuedAt)).token;
  }

  /** A bridge API call (/api/v1…) as the person. */
  async function bridge(username: string, method: string, path: string, body?: unknown): Promise<BridgeAnswer> {
    const response = await fetch(`${sandbox.bridge.url}/api/v1${path}`, {
      method,
      headers: {Authorization: `Bearer ${await sessionToken(username)}`, ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
      ...(body === undefined ? {} : {body: JSON.stringify(body)}),
    });
    return {status: response.status, body: (await response.json()) as Record<string, unknown>};
  }

  const dms = async (username: string) => (await (await fetch(`${sandbox.simulator.url}/__sim/dms?user=${username}`)).json()) as DirectPost[];

  /** The person's DMs from the bot once `ready` holds for them; fails after `timeoutMs`. */
  async function dmsWhen(username: string, ready: (posts: DirectPost[]) => boolean, timeoutMs = 10_000): Promise<DirectPost[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const posts = await dms(username);
      if (ready(posts)) return posts;
      if (Date.now() > deadline) throw new Error(`${username}'s DMs did not reach the expected state in ${timeoutMs} ms (${posts.length} so far)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Resolves once the bridge's WebSocket listener is connected as the bot and
   * has done its first resync (which drops the bridge's caches: a test that
   * relies on what the bridge has cached waits for this first).
   */
  async function bridgeListening(timeoutMs = 15_000): Promise<void> {
    const bot = findUserByUsername(ctx().store, 'baton')?.id ?? '';
    const deadline = Date.now() + timeoutMs;
    while (ctx().hub.connectionsOf(bot).length === 0) {
      if (Date.now() > deadline) throw new Error(`the bridge did not connect to Mattermost's WebSocket in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The hello (and the resync it triggers) follows the authentication challenge within milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  return {ctx, userId, teamId, channelId, mattermost, slash, sessionToken, bridge, dms, dmsWhen, bridgeListening};
}
