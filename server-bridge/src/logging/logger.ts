import pino, {type DestinationStream, type Logger} from 'pino';
import type {LogLevel} from '../config/config';

export type {Logger};

/**
 * JSON lines on stdout (or a given stream, for tests). Credentials that may
 * pass through request logs are censored by path, so a secret never lands in
 * a log even when a handler logs a whole request.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: {service: 'baton-bridge'},
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-baton-token"]',
          'res.headers["set-cookie"]',
          'token',
          'password',
          'databaseUrl',
          '*.token',
          '*.password',
          '*.databaseUrl',
          // The webapp's session, as `/task connect` answers it (CommandResponse props).
          'props.baton_token',
          '*.props.baton_token',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
