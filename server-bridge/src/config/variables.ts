import {z} from 'zod';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';

// Every setting the bridge reads, in one table: the schema that validates it,
// its default, and the sentence README.md shows. A test keeps README's
// configuration table in step with this list.

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const integer = (min: number, max: number) =>
  z.coerce
    .number({error: `expected a whole number from ${min} to ${max}`})
    .int({error: `expected a whole number from ${min} to ${max}`})
    .min(min, {error: `expected a whole number from ${min} to ${max}`})
    .max(max, {error: `expected a whole number from ${min} to ${max}`});

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  {error: 'expected a PostgreSQL URL like postgres://user:password@host:5432/baton'},
);

function knownHolidayCountry(code: string): boolean {
  try {
    createBusinessCalendar({country: code});
    return true;
  } catch {
    return false;
  }
}

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', {timeZone: zone});
    return true;
  } catch {
    return false;
  }
}

const dateList = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*$/, {error: 'expected dates YYYY-MM-DD separated by commas, without spaces'})
  .transform((text) => text.split(','));

export interface VariableSpec {
  schema: z.ZodType;
  /** Shown in README; undefined means "unset". */
  defaultValue?: string;
  meaning: string;
  secret?: boolean;
}

export const variables = {
  BATON_HOST: {
    schema: z.string().min(1, {error: 'expected a host name or IP address to listen on'}),
    defaultValue: '127.0.0.1',
    meaning: 'Address the bridge listens on. Use 0.0.0.0 when Mattermost or a proxy reaches it from another host.',
  },
  BATON_PORT: {
    schema: integer(0, 65535),
    defaultValue: '8787',
    meaning: 'TCP port of the bridge (0 picks a free port, for tests).',
  },
  BATON_DATA_DIR: {
    schema: z.string().min(1, {error: 'expected a directory path'}),
    defaultValue: './data',
    meaning: 'Data directory of the embedded database (used when `DATABASE_URL` is unset). One bridge process per directory; a second one is refused.',
  },
  DATABASE_URL: {
    schema: postgresUrl,
    meaning: 'PostgreSQL ≥ 15 connection URL. When set, the bridge uses PostgreSQL instead of the embedded engine. The database must be UTF8 with a non-`C` character type: `createdb --encoding=UTF8 --locale=C.UTF-8 --template=template0 baton`.',
    secret: true,
  },
  BATON_PG_POOL_SIZE: {
    schema: integer(1, 200),
    defaultValue: '10',
    meaning: 'Maximum PostgreSQL connections per bridge process.',
  },
  BATON_LOG_LEVEL: {
    schema: z.enum(LOG_LEVELS, {error: `expected one of ${LOG_LEVELS.join(', ')}`}),
    defaultValue: 'info',
    meaning: 'Least severe level written to the JSON log on stdout: fatal, error, warn, info, debug, trace or silent.',
  },
  BATON_SHUTDOWN_TIMEOUT_MS: {
    schema: integer(100, 600_000),
    defaultValue: '10000',
    meaning: 'How long SIGTERM/SIGINT waits for in-flight requests before the process exits anyway.',
  },
  BATON_CALENDAR_COUNTRY: {
    schema: z.string().refine(knownHolidayCountry, {error: 'expected an ISO 3166 country code with public-holiday data, e.g. JP, TW, RU or US'}),
    defaultValue: 'US',
    meaning: 'Country whose public holidays are not business days (with Saturdays and Sundays), for deadlines such as "+3 business days" and for reminders.',
  },
  BATON_CALENDAR_TIME_ZONE: {
    schema: z.string().refine(knownTimeZone, {error: 'expected an IANA time zone such as Asia/Tokyo or Europe/Moscow'}),
    defaultValue: 'UTC',
    meaning: 'The organisation\'s time zone: the day a workflow step starts is read here, and business-day deadlines are due at the end of a day here.',
  },
  BATON_CLOSED_DAYS: {
    schema: dateList,
    meaning: 'Extra days off, comma-separated YYYY-MM-DD (e.g. a year-end closure: 2026-12-29,2026-12-30,2026-12-31,2027-01-04).',
  },
  BATON_OPEN_DAYS: {
    schema: dateList,
    meaning: 'Working days that would otherwise be off, comma-separated YYYY-MM-DD (e.g. a Saturday made a working day by decree).',
  },
  BATON_RUN_CHANNEL_ARCHIVE_DAYS: {
    schema: integer(0, 3650),
    defaultValue: '7',
    meaning: 'Days after a workflow run completes until its run channel (started with `runChannel`) is archived; 0 keeps run channels forever.',
  },
  BATON_BODY_LIMIT_BYTES: {
    schema: integer(1024, 104_857_600),
    defaultValue: '1048576',
    meaning: 'Largest request body the REST API accepts, in bytes; a larger one is refused with 413 `baton.payload_too_large` before it is read.',
  },
  BATON_RATE_LIMIT_TOKEN_PER_MINUTE: {
    schema: integer(1, 1_000_000),
    defaultValue: '600',
    meaning: 'Requests per minute each API token may make to /api/v1 (per bridge process); more get 429 `baton.rate_limited` with Retry-After.',
  },
  BATON_RATE_LIMIT_USER_PER_MINUTE: {
    schema: integer(1, 1_000_000),
    defaultValue: '1200',
    meaning: 'Requests per minute each person (webapp session) may make to /api/v1 (per bridge process); more get 429 `baton.rate_limited` with Retry-After.',
  },
  BATON_INTAKE_BODY_LIMIT_BYTES: {
    schema: integer(1024, 1_048_576),
    defaultValue: '32768',
    meaning: 'Largest web intake submission (`POST /intake/{token}`) in bytes; a larger one is refused with 413 `baton.payload_too_large`.',
  },
  BATON_INTAKE_RATE_LIMIT_PER_MINUTE: {
    schema: integer(1, 100_000),
    defaultValue: '10',
    meaning: 'Web intake submissions per minute from one client address (per bridge process); more get 429 `baton.rate_limited` with Retry-After.',
  },
  BATON_WEBHOOK_TIMEOUT_MS: {
    schema: integer(1000, 60_000),
    defaultValue: '10000',
    meaning: 'How long a webhook delivery waits for the receiver to answer, in milliseconds; no answer counts as a failure and is retried.',
  },
  BATON_WEBHOOK_MAX_ATTEMPTS: {
    schema: integer(1, 100),
    defaultValue: '20',
    meaning: 'Attempts at a webhook delivery that keeps failing (5xx, 408, 429, timeout) before it is given up, with backoff from 1 s doubling to at most 60 s between them (20: about 15 minutes).',
  },
  BATON_LEADER_RETRY_MS: {
    schema: integer(100, 600_000),
    defaultValue: '5000',
    meaning: 'With several bridge replicas on one PostgreSQL: how often a replica that does not lead tries to become the leader (the one replica that listens to Mattermost\'s WebSocket), and how often the leader checks it still holds the lock, in milliseconds.',
  },
  BATON_CONFIG_FILE: {
    schema: z.string().min(1, {error: 'expected a file path'}),
    meaning: 'Optional JSON file with any of these variables as keys.',
  },
} satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof variables;
export const variableNames = Object.keys(variables) as VariableName[];
