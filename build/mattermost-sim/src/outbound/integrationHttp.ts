import {request as httpRequest, type IncomingMessage, type RequestOptions} from 'node:http';
import {request as httpsRequest} from 'node:https';
import type {LookupFunction} from 'node:net';
import type {SimContext} from '../context';
import {chooseDialTarget, type DialTarget} from './untrustedConnections';

// The HTTP client Mattermost uses for integrations (httpservice MakeClient
// with untrusted URLs): it honours AllowedUntrustedInternalConnections, sets
// the Mattermost-Bot user agent (MattermostTransport.RoundTrip), and is bound
// by ServiceSettings.OutgoingIntegrationRequestsTimeout (a context deadline
// in app/command.go DoCommandRequest and app/integration_action.go).
//
// Node's http is used instead of fetch so that no header is sent that Go's
// client would not send. Differences kept on purpose: redirects are not
// followed (Go follows them) and no `Accept-Encoding: gzip` is offered.

export type IntegrationKind = 'command' | 'action' | 'dialog';

export interface IntegrationRequest {
  kind: IntegrationKind;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** io.LimitReader on the body: bytes past this are silently dropped, as in Go. */
  maxResponseBytes: number;
}

export interface IntegrationResponse {
  statusCode: number;
  /** Go's resp.Status, e.g. `500 Internal Server Error`. */
  status: string;
  contentType: string;
  body: Buffer;
}

/** A failed request; the message reads like Go's *url.Error (`Post "<url>": <reason>`). */
export class IntegrationRequestError extends Error {}

const USER_AGENT = 'Mattermost-Bot/1.1';

function goErrorOp(method: string): string {
  return method.charAt(0) + method.slice(1).toLowerCase();
}

function describeCause(error: unknown, hostname: string): string {
  const code = (error as {code?: string}).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `dial tcp: lookup ${hostname}: no such host`;
  if (code === 'ECONNREFUSED') return 'dial tcp: connect: connection refused';
  return error instanceof Error ? error.message : String(error);
}

function pinnedLookup(target: DialTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{address: target.address, family: target.family}]);
    else callback(null, target.address, target.family);
  };
}

function readLimited(response: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      if (size >= limit) return;
      const kept = chunk.subarray(0, limit - size);
      chunks.push(kept);
      size += kept.length;
      if (size >= limit) {
        resolve(Buffer.concat(chunks));
        response.destroy();
      }
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
    response.on('aborted', () => reject(new Error('unexpected EOF')));
  });
}

async function send(ctx: SimContext, spec: IntegrationRequest, signal: AbortSignal): Promise<IntegrationResponse> {
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    throw new Error(`parse "${spec.url}": invalid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported protocol scheme "${url.protocol.replace(/:$/, '')}"`);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const target = await chooseDialTarget(hostname, ctx.config.ServiceSettings.AllowedUntrustedInternalConnections);
  signal.throwIfAborted();
  const headers: Record<string, string> = {'User-Agent': USER_AGENT, ...spec.headers};
  if (spec.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(spec.body));
  const options: RequestOptions = {method: spec.method, headers, signal, agent: false};
  if (target) options.lookup = pinnedLookup(target);
  const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<IntegrationResponse>((resolve, reject) => {
    const outgoing = requestFn(url, options, (response) => {
      readLimited(response, spec.maxResponseBytes).then(
        (body) =>
          resolve({
            statusCode: response.statusCode ?? 0,
            status: `${response.statusCode ?? 0} ${response.statusMessage ?? ''}`.trim(),
            contentType: response.headers['content-type'] ?? '',
            body,
          }),
        reject,
      );
    });
    outgoing.on('error', reject);
    outgoing.end(spec.body);
  });
}

/**
 * Sends one integration request and records it in ctx.inspection
 * (status null when no HTTP response arrived).
 */
export async function sendIntegrationRequest(ctx: SimContext, spec: IntegrationRequest): Promise<IntegrationResponse> {
  const timeoutMs = ctx.config.ServiceSettings.OutgoingIntegrationRequestsTimeout * 1000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const record = (status: number | null, error?: string) =>
    ctx.inspection.integrationRequests.push({kind: spec.kind, url: spec.url, status, ...(error === undefined ? {} : {error}), at: ctx.now()});
  try {
    const response = await send(ctx, spec, controller.signal);
    record(response.statusCode);
    return response;
  } catch (error) {
    const hostname = URL.canParse(spec.url) ? new URL(spec.url).hostname : spec.url;
    const reason = controller.signal.aborted ? 'context deadline exceeded' : describeCause(error, hostname);
    const message = `${goErrorOp(spec.method)} "${spec.url}": ${reason}`;
    record(null, message);
    throw new IntegrationRequestError(message);
  } finally {
    clearTimeout(timer);
  }
}
