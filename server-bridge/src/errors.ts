// Every error the bridge reports on purpose comes from here: an HTTP status, a
// stable id clients and tests can match on, and a message for people. The one
// error handler (http/errorHandler.ts) turns these into responses; anything
// else is a bug and becomes a logged 500 without internals.

export interface ErrorDetails {
  /** Which input was wrong, e.g. `body.title` or `BATON_PORT`. */
  field?: string;
  /** What would have been accepted. */
  allowed?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

export const errors = {
  badRequest: (id: string, message: string, details?: ErrorDetails) =>
    new AppError(400, `baton.bad_request.${id}`, message, details),
  notFound: (what: string) => new AppError(404, 'baton.not_found', `${what} was not found.`),
  routeNotFound: (method: string, url: string) =>
    new AppError(404, 'baton.route_not_found', `No route ${method} ${url}.`),
  /** For reads: the item is not visible to the caller, so its existence is not revealed. */
  taskNotFound: (idOrKey: string) => new AppError(404, 'baton.not_found.task', `No task ${idOrKey} that you can see.`),
  commentNotFound: (id: string) => new AppError(404, 'baton.not_found.comment', `No comment ${id} on this task.`),
  forbidden: (id: string, message: string) => new AppError(403, `baton.forbidden.${id}`, message),
  invalid: (id: string, message: string, details?: ErrorDetails) => new AppError(422, `baton.invalid.${id}`, message, details),
  /** The request is valid but collides with the current state, e.g. a name another item already uses. */
  conflict: (id: string, message: string, details?: ErrorDetails) => new AppError(409, `baton.conflict.${id}`, message, details),
  notReady: (reason: string) => new AppError(503, 'baton.not_ready', `The bridge is not ready: ${reason}`),
  /** Mattermost did not answer (or answered 5xx) a question the request needed: try again shortly. */
  mattermostUnavailable: () => new AppError(503, 'baton.not_ready.mattermost', 'Mattermost is not answering the bridge right now; nothing was changed. Try again in a moment.'),
  /** The database is down, restarting or not answering in time (storage/sqlPool.ts isDatabaseUnavailable): try again shortly. */
  databaseUnavailable: () =>
    new AppError(503, 'baton.not_ready.database', 'The bridge cannot reach its database right now; try again in a moment.'),
  internal: () => new AppError(500, 'baton.internal', 'Something went wrong on the bridge; it has been logged.'),
  /** A request that breaks the REST contract: one line per problem, e.g. `title: must be 1–200 characters`. */
  invalidRequest: (issues: Array<{field: string; message: string}>) =>
    new AppError(400, 'baton.bad_request.validation', issues.map(({field, message}) => `${field}: ${message}`).join('; '), {
      ...(issues[0] ? {field: issues[0].field} : {}),
      issues,
    }),
  /** An API token without the scope this route needs (domain/tokens/): the scope is named so an admin can make a token that has it. */
  scopeMissing: (scope: string) =>
    new AppError(403, 'baton.forbidden.scope', `This API token lacks the scope ${scope}; an admin can create a token with it (\`/task admin tokens create\`).`, {scope}),
  /** Too many requests from one API token, one person or (web intake) one address; `retryAfterSeconds` is also the Retry-After header. */
  rateLimited: (per: 'token' | 'user' | 'address', limit: number, retryAfterSeconds: number) =>
    new AppError(429, 'baton.rate_limited', `Too many requests from this ${{token: 'API token', user: 'person', address: 'address'}[per]}: at most ${limit} a minute. Try again in ${retryAfterSeconds} s.`, {
      limit,
      retryAfterSeconds,
    }),
  /** A request body over BATON_BODY_LIMIT_BYTES, refused before it is read. */
  payloadTooLarge: (limitBytes: number | undefined) =>
    new AppError(413, 'baton.payload_too_large', `The request body is too large${limitBytes ? `: at most ${limitBytes} bytes are accepted` : ''}.`, {
      field: 'body',
      ...(limitBytes ? {allowed: `at most ${limitBytes} bytes`} : {}),
    }),
  /** No valid bridge session; `reason` lets the webapp renew an expired token instead of giving up. */
  unauthorized: (reason: UnauthorizedReason) =>
    new AppError(401, 'baton.unauthorized', unauthorizedMessages[reason], {reason}),
};

export type UnauthorizedReason = 'missing' | 'malformed' | 'expired' | 'bad_signature' | 'deactivated' | 'token_unknown' | 'token_revoked';

const unauthorizedMessages: Record<UnauthorizedReason, string> = {
  missing: 'This request needs a Baton session: send it as `Authorization: Bearer <token>` (the webapp gets one with `/task connect`).',
  malformed: 'The Baton session token is not one this bridge issued; connect again with `/task connect`.',
  expired: 'The Baton session has expired; connect again with `/task connect` (the webapp renews it by itself).',
  bad_signature: 'The Baton session token does not verify; it was changed or signed with another key. Connect again with `/task connect`.',
  deactivated: 'The Mattermost account this Baton session names is deactivated.',
  token_unknown: 'This API token is not one this bridge issued (or it was mistyped); ask an admin for a token.',
  token_revoked: 'This API token was revoked; ask an admin for a new one.',
};

/**
 * Start-up problems the operator must fix (bad configuration, a locked data
 * directory, a port in use, an unusable database). The CLI prints each line
 * and exits non-zero; they never reach HTTP clients.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
