import {callMattermost, type HttpMethod} from './rest';
import type {ConnectionSource, MattermostConnection} from './connection';

// One REST call to Mattermost as the Baton bot, for the calls that write
// (posts, dialogs, ephemeral messages): JSON in and out, a timeout, and
// errors that say whether Mattermost answered at all. Never logs the token.

export {MattermostUnreachableError} from './rest';

export function createBotRequest({connection, fetch: send = fetch, timeoutMs = 10_000}: {connection: ConnectionSource; fetch?: typeof fetch; timeoutMs?: number}) {
  async function current(): Promise<MattermostConnection> {
    const value = await connection.get();
    // Not set up yet is a passing state: notices wait until setup has run.
    if (!value) throw new Error('the Mattermost connection is not set up yet (run `baton-bridge setup`)');
    return value;
  }

  async function request(method: HttpMethod, path: string, body?: unknown): Promise<unknown> {
    const {url, botToken} = await current();
    return callMattermost({url, token: botToken, fetch: send, timeoutMs}, method, path, body);
  }

  return {current, request};
}
