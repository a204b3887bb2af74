import {createServer, type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo} from 'node:net';

// Test support: a real HTTP server on 127.0.0.1 standing in for an
// integration (the Baton bridge, a slash command endpoint...). It records
// every request exactly as received and answers what the test scripts.

export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering (to exceed the integration timeout). */
  delayMs?: number;
}

export interface FakeIntegration {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  received: ReceivedRequest[];
  /** Every later request is answered by this. Default: 200, `{}` as JSON. */
  reply(handler: (request: ReceivedRequest) => ScriptedReply): void;
  close(): Promise<void>;
}

export const jsonReply = (value: unknown, status = 200): ScriptedReply => ({status, headers: {'Content-Type': 'application/json'}, body: JSON.stringify(value)});

export async function startFakeIntegration(): Promise<FakeIntegration> {
  let handler: (request: ReceivedRequest) => ScriptedReply = () => jsonReply({});
  const received: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: ReceivedRequest = {method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8')};
      received.push(recorded);
      const scripted = handler(recorded);
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(scripted.status ?? 200, scripted.headers ?? {});
        response.end(scripted.body ?? '');
      };
      if (!scripted.delayMs) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, scripted.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    reply(next) {
      handler = next;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
