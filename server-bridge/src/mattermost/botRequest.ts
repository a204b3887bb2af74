import {MattermostRequestError} from './client';
import type {ConnectionSource, MattermostConnection} from './connection';

// One REST call to Mattermost as the Baton bot, for the calls that write
// (posts, dialogs, ephemeral messages): JSON in and out, a timeout, and
// errors that say whether Mattermost answered at all. Never logs the token.

/** A request that never got an HTTP answer (refused, reset, timed out): always worth retrying. */
export class MattermostUnreachableError extends Error {
  override readonly name = 'MattermostUnreachableError';
}

export function createBotRequest({connection, fetch: send = fetch, timeoutMs = 10_000}: {connection: ConnectionSource; fetch?: typeof fetch; timeoutMs?: number}) {
  async function current(): Promise<MattermostConnection> {
    const value = await connection.get();
    // Not set up yet is a passing state: notices wait until setup has run.
    if (!value) throw new Error('the Mattermost connection is not set up yet (run `baton-bridge setup`)');
    return value;
  }

  async function request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const {url, botToken} = await current();
    let response: Response;
    try {
      response = await send(`${url.replace(/\/+$/, '')}/api/v4${path}`, {
        method,
        headers: {Authorization: `Bearer ${botToken}`, Accept: 'application/json', ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // The cause carries the useful part (ECONNREFUSED, a timeout); never the token.
      const cause = (error as {cause?: {code?: string; message?: string}}).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new MattermostUnreachableError(`Mattermost did not answer ${method} ${path}: ${reason}`);
    }
    const parsed: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const id = typeof parsed === 'object' && parsed !== null && 'id' in parsed ? String((parsed as {id: unknown}).id) : undefined;
      throw new MattermostRequestError(response.status, `${method} ${path}`, id);
    }
    return parsed;
  }

  return {current, request};
}
