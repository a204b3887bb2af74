import type {z} from 'zod';

// REST v4 calls for `setup` and `doctor`, with one token (an admin's or the
// bot's): JSON in and out, a timeout, and errors an operator can act on. The
// token is sent in a header only; no message here ever contains it.

/** Mattermost answered with an error status. */
export class MattermostApiError extends Error {
  override readonly name = 'MattermostApiError';

  constructor(
    readonly status: number,
    /** Mattermost's stable error id, e.g. `api.context.permissions.app_error`. */
    readonly mattermostId: string | undefined,
    readonly request: string,
    detail: string,
  ) {
    super(`Mattermost answered ${status} to ${request}${detail ? `: ${detail}` : ''}`);
  }
}

/** No HTTP answer at all (refused, DNS, TLS, timeout). */
export class MattermostUnreachableError extends Error {
  override readonly name = 'MattermostUnreachableError';
}

export interface MattermostApi {
  /** Mattermost's base URL, without a trailing slash. */
  readonly url: string;
  /** A JSON call checked against `schema`; statuses outside `ok` (default 200, 201) throw MattermostApiError. */
  json<T>(method: string, path: string, schema: z.ZodType<T>, options?: {body?: unknown; ok?: number[]}): Promise<T>;
  /** The raw response of any status (headers, non-JSON bodies); only "no answer" throws. */
  send(method: string, path: string, init?: {body?: RequestInit['body']; headers?: Record<string, string>}): Promise<Response>;
}

export interface MattermostApiOptions {
  url: string;
  /** Sent as `Authorization: Bearer`; omitted for calls that need no session (ping). */
  token?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createMattermostApi({url, token, fetch: send = fetch, timeoutMs = 15_000}: MattermostApiOptions): MattermostApi {
  const base = url.replace(/\/+$/, '');

  async function raw(method: string, path: string, init: {body?: RequestInit['body']; headers?: Record<string, string>} = {}): Promise<Response> {
    try {
      return await send(`${base}/api/v4${path}`, {
        method,
        headers: {...(token ? {Authorization: `Bearer ${token}`} : {}), 'X-Requested-With': 'XMLHttpRequest', ...init.headers},
        ...(init.body === undefined ? {} : {body: init.body}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = (error as {cause?: {code?: string; message?: string}}).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new MattermostUnreachableError(`Mattermost at ${base} did not answer ${method} ${path.split('?')[0]}: ${reason}`);
    }
  }

  return {
    url: base,
    send: raw,
    async json(method, path, schema, {body, ok = [200, 201]} = {}) {
      const response = await raw(method, path, body === undefined ? {} : {body: JSON.stringify(body), headers: {'Content-Type': 'application/json'}});
      const parsed: unknown = await response.json().catch(() => undefined);
      const request = `${method} ${path.split('?')[0]}`;
      if (!ok.includes(response.status)) {
        const error = typeof parsed === 'object' && parsed !== null ? (parsed as {id?: unknown; message?: unknown; detailed_error?: unknown}) : {};
        const message = typeof error.message === 'string' ? error.message : '';
        // Mattermost fills detailed_error only with developer mode on; it says why (e.g. "address forbidden").
        const detail = typeof error.detailed_error === 'string' && error.detailed_error !== '' ? ` (${error.detailed_error})` : '';
        throw new MattermostApiError(response.status, typeof error.id === 'string' ? error.id : undefined, request, `${message}${detail}`);
      }
      const checked = schema.safeParse(parsed);
      if (!checked.success) throw new Error(`Mattermost's answer to ${request} is not what Baton expects: ${checked.error.issues[0]?.message ?? 'invalid'}`);
      return checked.data;
    },
  };
}
