// A fetch stand-in for the factories: answers from a script of routes and
// records every request as the code under test sent it. Unscripted requests
// get a 501 and are listed in `unexpected`, so a test sees them.
import type {FetchInit, FetchLike, FetchResponse} from '../api/fetchLike';

export type RecordedRequest = {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined without one. */
  body: unknown;
  credentials: RequestCredentials;
};

export type FakeReply =
  | {status?: number; statusText?: string; json?: unknown; text?: string; headers?: Record<string, string>}
  | {networkError: Error};

/** A reply, or a function of the request; its promise lets a test hold the answer back. */
type Replier = FakeReply | ((request: RecordedRequest) => FakeReply | Promise<FakeReply>);

type Route = {method: string; url: string | RegExp; replies: Replier[]};

export type FakeFetch = {
  fetch: FetchLike;
  requests: RecordedRequest[];
  unexpected: RecordedRequest[];
  /** Answers requests to `url` (exact, or a pattern) in order; the last reply repeats. Later routes win. */
  on(method: string, url: string | RegExp, ...replies: Replier[]): void;
  /** Requests whose URL contains `part`. */
  to(part: string): RecordedRequest[];
};

const statusTexts: Record<number, string> = {200: 'OK', 201: 'Created', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable'};

function response(reply: Exclude<FakeReply, {networkError: Error}>): FetchResponse {
  const status = reply.status ?? 200;
  const headers = new Map(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: reply.statusText ?? statusTexts[status] ?? '',
    headers: {get: (name) => headers.get(name.toLowerCase()) ?? null},
    text: async () => text,
  };
}

export function createFakeFetch(): FakeFetch {
  const routes: Route[] = [];
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  const used = new Map<Route, number>();

  const fetch: FetchLike = async (url: string, init: FetchInit) => {
    const request: RecordedRequest = {
      url,
      method: init.method,
      headers: {...init.headers},
      body: init.body === undefined ? undefined : JSON.parse(init.body) as unknown,
      credentials: init.credentials,
    };
    requests.push(request);
    if (init.signal?.aborted) {
      throw new DOMException('The operation was aborted.', 'AbortError');
    }
    const route = [...routes].reverse().find((candidate) => candidate.method === init.method
      && (typeof candidate.url === 'string' ? candidate.url === url : candidate.url.test(url)));
    if (!route) {
      unexpected.push(request);
      return response({status: 501, json: {message: `unscripted ${init.method} ${url}`}});
    }
    const count = used.get(route) ?? 0;
    used.set(route, count + 1);
    const replier = route.replies[Math.min(count, route.replies.length - 1)] as Replier;
    const reply = typeof replier === 'function' ? await replier(request) : replier;
    if ('networkError' in reply) {
      throw reply.networkError;
    }
    return response(reply);
  };

  return {
    fetch,
    requests,
    unexpected,
    on: (method, url, ...replies) => {
      routes.push({method, url, replies});
    },
    to: (part) => requests.filter((request) => request.url.includes(part)),
  };
}

/** The parts of a request that decide how Mattermost treats it: what the Client4 comparisons check. */
export const wireShape = ({url, method, headers, body, credentials}: RecordedRequest) => ({url, method, headers, body, credentials});

/** The harness's Client4 (build/mattermost-sim/harness) calls window.fetch: this feeds it the same fake. */
export function adaptToWindowFetch(fetch: FetchLike): typeof window.fetch {
  return async (input, init) => {
    const answer = await fetch(String(input), {
      method: init?.method ?? 'GET',
      headers: {...(init?.headers as Record<string, string>)},
      credentials: init?.credentials ?? 'same-origin',
      ...(typeof init?.body === 'string' ? {body: init.body} : {}),
    });
    return {...answer, json: async () => JSON.parse(await answer.text()) as unknown} as unknown as Response;
  };
}
