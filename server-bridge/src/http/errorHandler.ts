import type {FastifyError, FastifyInstance, FastifyReply, FastifyRequest} from 'fastify';
import {AppError, errors} from '../errors';
import {isMattermostUnavailable} from '../mattermost/rest';
import {isDatabaseUnavailable} from '../storage/sqlPool';
import {presentError} from './presenters/errorPresenter';

const RETRY_AFTER_SECONDS = 5;

/**
 * The one place errors become responses. AppErrors keep their status and id;
 * Fastify's own client errors (malformed JSON, body too large, wrong content
 * type) are given stable ids; anything else is a bug: logged in full,
 * answered with a 500 that reveals nothing.
 */
export function installErrorHandling(server: FastifyInstance): void {
  server.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request.routeOptions.bodyLimit);
    if (appError.id === 'baton.internal') {
      request.log.error({err: error}, 'request failed');
    } else if (appError.status >= 500) {
      // Deliberate 5xx (not ready, dependency down): expected states, no stack.
      request.log.warn({error_id: appError.id, reason: appError.message, ...(error instanceof AppError ? {} : {cause: error.message})}, 'request refused');
    }
    // A state that passes: clients (and proxies) may try again after a short wait.
    if (appError.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    void reply.status(appError.status).send(presentError(appError, request.id));
  });
  server.setNotFoundHandler((request, reply) => {
    const appError = errors.routeNotFound(request.method, request.url.split('?')[0] ?? request.url);
    void reply.status(404).send(presentError(appError, request.id));
  });
}

/**
 * Fastify's router refuses some URLs before any hook or handler runs (a
 * malformed %-escape, a path part over its length limit) and would answer in
 * its own shape; given as the server's `frameworkErrors`, this answers them in
 * the bridge's, with their stable ids (found by the fuzz test, issue 9).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error, undefined);
  void reply.header('x-request-id', request.id).status(appError.status).send(presentError(appError, request.id));
}

const fastifyClientErrors: Record<string, {id: string; field?: string; allowed?: string; message?: string}> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {id: 'body', field: 'body', allowed: 'a JSON document'},
  FST_ERR_CTP_EMPTY_JSON_BODY: {id: 'body', field: 'body', allowed: 'a non-empty JSON document'},
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {id: 'media_type', field: 'content-type', allowed: 'application/json'},
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {id: 'content_length', field: 'content-length'},
  // Fastify's own messages repeat the whole path, which may be kilobytes long.
  FST_ERR_BAD_URL: {id: 'url', field: 'url', allowed: 'a path whose %-escapes decode to UTF-8 text', message: 'The path has a malformed %-escape.'},
  FST_ERR_MAX_PARAM_LENGTH: {id: 'url', field: 'url', allowed: 'path parts (ids, keys, names) of at most 100 characters', message: 'A part of the path is too long.'},
};

function toAppError(error: FastifyError, bodyLimit: number | undefined): AppError {
  if (error instanceof AppError) return error;
  // Over BATON_BODY_LIMIT_BYTES: a client error with its own id, never a 5xx.
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return errors.payloadTooLarge(bodyLimit);
  if (isMattermostUnavailable(error)) return errors.mattermostUnavailable();
  // PostgreSQL down or restarting: a state that passes (503 + Retry-After), not a bug (500).
  if (isDatabaseUnavailable(error)) return errors.databaseUnavailable();
  const known = error.code ? fastifyClientErrors[error.code] : undefined;
  const status = error.statusCode ?? 500;
  if (known && status < 500) {
    const {id, message, ...details} = known;
    return new AppError(status, `baton.bad_request.${id}`, message ?? error.message, details);
  }
  if (status >= 400 && status < 500) return new AppError(status, 'baton.bad_request', error.message);
  return errors.internal();
}
