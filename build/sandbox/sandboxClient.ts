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

  async function sessionToken(username: string): Promise<string> {
    const key = Buffer.from(String(await sandbox.bridge.settings.get(SESSION_SIGNING_KEY_SETTING)), 'base64');
    return (await issueSessionToken(new Uint8Array(key), {userId: userId(username), guest: false})).token;
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
