// The one HTTP client for the bridge. Every call: the bridge URL and bearer
// token of the current session, JSON in and out, the answer checked against
// the shared contract schema, error bodies turned into BridgeError. A 401
// renews the session once and retries; a second 401 gives up.
import type {z} from 'zod';

import {BridgeError, BridgeNetworkError, BridgeResponseError} from './bridgeErrors';
import {apiErrorSchema, describeZodIssues, versionETag} from './contract';
import {readJson} from './fetchLike';
import type {FetchInit, FetchLike, FetchResponse} from './fetchLike';

/** What `/task connect` handed out. Held in memory by the session manager only. */
export type BridgeSession = {
  /** The bridge's public URL, without a trailing slash. */
  url: string;
  token: string;
  expiresAt: Date;
};

/** Where the client gets its session; implemented by session/sessionManager.ts. */
export interface SessionSource {
  /** A session that is not about to expire, connecting first if needed. */
  current(): Promise<BridgeSession>;
  /** The bridge refused `stale`: a new one (or the one another call already got). */
  renew(stale: BridgeSession): Promise<BridgeSession>;
  /** The bridge refused even a fresh session: stop and wait for the user to retry. */
  rejected(session: BridgeSession): void;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RequestOptions<Schema extends z.ZodType> = {
  /** Checks the 2xx body; its output is what request resolves with. */
  schema: Schema;
  /** Sent as JSON. */
  body?: unknown;
  query?: URLSearchParams;
  /** The task version the change was made against, sent as `If-Match: "<version>"`. */
  ifMatch?: number;
  signal?: AbortSignal;
};

export type BridgeClient = {
  request<Schema extends z.ZodType>(method: HttpMethod, path: string, options: RequestOptions<Schema>): Promise<z.output<Schema>>;
};

export type BridgeClientDeps = {
  fetch: FetchLike;
  session: SessionSource;
};

export function createBridgeClient({fetch, session}: BridgeClientDeps): BridgeClient {
  const send = async (bridge: BridgeSession, method: HttpMethod, path: string, options: RequestOptions<z.ZodType>): Promise<FetchResponse> => {
    const headers: Record<string, string> = {
      'Accept': 'application/json',
      'Authorization': `Bearer ${bridge.token}`,
    };
    const init: FetchInit = {method, headers, credentials: 'omit'};
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (options.ifMatch !== undefined) {
      headers['If-Match'] = versionETag(options.ifMatch);
    }
    if (options.signal) {
      init.signal = options.signal;
    }
    const query = options.query?.toString();
    try {
      return await fetch(`${bridge.url}${path}${query ? `?${query}` : ''}`, init);
    } catch (error) {
      // The caller's own abort is not a network failure.
      if (options.signal?.aborted) {
        throw error;
      }
      throw new BridgeNetworkError(method, path, {cause: error});
    }
  };

  return {
    async request(method, path, options) {
      const first = await session.current();
      let response = await send(first, method, path, options);
      if (response.status === 401) {
        const renewed = await session.renew(first);
        response = await send(renewed, method, path, options);
        if (response.status === 401) {
          session.rejected(renewed);
        }
      }
      if (!response.ok) {
        throw await bridgeErrorFrom(response);
      }
      const body = await readJson(response);
      if (!body.ok) {
        throw new BridgeResponseError(method, path, [{field: 'response', message: 'must be JSON'}]);
      }
      const parsed = options.schema.safeParse(body.value);
      if (!parsed.success) {
        throw new BridgeResponseError(method, path, describeZodIssues(parsed.error, 'response'));
      }
      return parsed.data;
    },
  };
}

async function bridgeErrorFrom(response: FetchResponse): Promise<BridgeError> {
  const body = await readJson(response);
  const parsed = body.ok ? apiErrorSchema.safeParse(body.value) : undefined;
  const requestId = response.headers.get('x-request-id');
  if (!parsed?.success) {
    return new BridgeError({
      status: response.status,
      id: null,
      message: `${response.status} ${response.statusText}`.trim(),
      field: null,
      details: {},
      requestId,
    });
  }
  const {id, message, details = {}, request_id: bodyRequestId} = parsed.data;
  return new BridgeError({
    status: response.status,
    id,
    message,
    field: details.field ?? details.issues?.[0]?.field ?? null,
    details,
    requestId: bodyRequestId || requestId,
  });
}
