// One REST v4 call to Mattermost with a bearer token: JSON in and out, a
// timeout, and errors that tell "Mattermost answered no" apart from
// "Mattermost did not answer". Every bot call goes through here. Never logs
// or repeats the token.

export class MattermostRequestError extends Error {
  override readonly name = 'MattermostRequestError';
  constructor(
    readonly status: number,
    readonly path: string,
    readonly mattermostId: string | undefined,
  ) {
    super(`Mattermost answered ${status} to ${path}${mattermostId ? ` (${mattermostId})` : ''}`);
  }
}

/** A request that never got an HTTP answer (refused, reset, timed out): always worth retrying. */
export class MattermostUnreachableError extends Error {
  override readonly name = 'MattermostUnreachableError';
}

/** Mattermost is down or overloaded (no answer, or a 5xx): the same request may work later. */
export function isMattermostUnavailable(error: unknown): boolean {
  return error instanceof MattermostUnreachableError || (error instanceof MattermostRequestError && error.status >= 500);
}

export interface MattermostTarget {
  /** Mattermost's base URL (SiteURL as the bridge reaches it). */
  url: string;
  token: string;
  fetch?: typeof fetch | undefined;
  timeoutMs?: number | undefined;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export async function callMattermost(target: MattermostTarget, method: HttpMethod, path: string, body?: unknown): Promise<unknown> {
  const send = target.fetch ?? fetch;
  let response: Response;
  try {
    response = await send(`${target.url.replace(/\/+$/, '')}/api/v4${path}`, {
      method,
      headers: {Authorization: `Bearer ${target.token}`, Accept: 'application/json', ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(target.timeoutMs ?? 10_000),
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
