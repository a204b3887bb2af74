// A host for jsdom tests: real store, registry parts and client, with an
// in-memory history and a scripted fetch instead of the network.
import {createMemoryHistory} from 'history';

import {createHost} from '../createHost';
import type {Host} from '../host';

export const testSiteUrl = 'http://localhost';

export interface RecordedRequest {
    method: string;
    url: string;
    body: unknown;
    headers: Record<string, string>;
}

export type Responder = (request: RecordedRequest) => {status?: number; body?: unknown} | undefined;

export interface TestHost {
    host: Host;
    requests: RecordedRequest[];
}

/** A Response-like object with what Client4 reads (ok, status, statusText, text, json). */
function fakeResponse(status: number, body: unknown): Response {
    const text = body === undefined ? '' : JSON.stringify(body);
    return {
        ok: status >= 200 && status < 300,
        status,
        statusText: String(status),
        text: async () => text,
        json: async () => JSON.parse(text) as unknown,
    } as unknown as Response;
}

export function createTestHost(respond: Responder = () => undefined): TestHost {
    const requests: RecordedRequest[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
        const request: RecordedRequest = {
            method: init?.method ?? 'GET',
            url: String(input),
            body: typeof init?.body === 'string' ? JSON.parse(init.body) as unknown : undefined,
            headers: (init?.headers ?? {}) as Record<string, string>,
        };
        requests.push(request);
        const answer = respond(request) ?? {status: 501, body: {id: 'test.unscripted', message: `unscripted ${request.method} ${request.url}`}};
        return fakeResponse(answer.status ?? 200, answer.body);
    };
    const host = createHost({siteUrl: testSiteUrl, history: createMemoryHistory(), fetchImpl, createSocket: () => {
        throw new Error('tests do not open WebSockets');
    }});
    return {host, requests};
}
