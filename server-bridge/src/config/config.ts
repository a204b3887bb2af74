import {StartupError} from '../errors';
import {type VariableName, variableNames, variables} from './variables';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type StorageConfig =
  | {engine: 'embedded'; dataDir: string}
  | {engine: 'postgres'; url: string; poolSize: number};

export interface BridgeConfig {
  http: {host: string; port: number};
  storage: StorageConfig;
  logLevel: LogLevel;
  shutdownTimeoutMs: number;
  /** The organisation's business days. */
  calendar: {country: string; timeZone: string; closedDays: string[]; openDays: string[]};
  /** Workflow runs' own channels: archived this many days after the run completes; 0 = never. */
  runChannels: {archiveAfterDays: number};
  /** Request bodies and request rates of /api/v1 (per bridge process). */
  limits: {bodyBytes: number; perTokenPerMinute: number; perUserPerMinute: number};
  /** Web intake submissions: body size and budget per client address. */
  intake: {bodyBytes: number; perAddressPerMinute: number};
  /** Outgoing webhook deliveries: how long to wait for an answer, and how many attempts before giving up. */
  webhooks: {timeoutMs: number; maxAttempts: number};
  /** Several replicas on one PostgreSQL: how often leadership of the Mattermost listener is tried for and checked. */
  replicas: {leaderRetryMs: number};
}

type Source = Record<string, string | undefined>;

export interface ConfigInputs {
  env: Source;
  /** Reads the optional BATON_CONFIG_FILE; injected so tests need no disk. */
  readFile: (path: string) => string;
}

/**
 * Reads the configuration once. Every problem is collected, so an operator
 * fixes all of them in one go instead of one restart per mistake.
 */
export function loadConfig({env, readFile}: ConfigInputs): BridgeConfig {
  const problems: string[] = [];
  const fromFile = readConfigFile(env.BATON_CONFIG_FILE, readFile, problems);
  const raw: Source = {...fromFile, ...withoutEmpty(env)};

  const values: Partial<Record<VariableName, unknown>> = {};
  for (const name of variableNames) {
    const spec = variables[name];
    const given = raw[name];
    const input = given ?? ('defaultValue' in spec ? spec.defaultValue : undefined);
    if (input === undefined) continue;
    const parsed = spec.schema.safeParse(input);
    if (parsed.success) {
      values[name] = parsed.data;
    } else {
      const shown = 'secret' in spec && spec.secret ? '(hidden)' : JSON.stringify(input);
      problems.push(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid value'}, got ${shown}`);
    }
  }
  if (problems.length > 0) throw new StartupError(problems.map((line) => `config: ${line}`));

  const databaseUrl = values.DATABASE_URL as string | undefined;
  return {
    http: {host: values.BATON_HOST as string, port: values.BATON_PORT as number},
    storage: databaseUrl
      ? {engine: 'postgres', url: databaseUrl, poolSize: values.BATON_PG_POOL_SIZE as number}
      : {engine: 'embedded', dataDir: values.BATON_DATA_DIR as string},
    logLevel: values.BATON_LOG_LEVEL as LogLevel,
    shutdownTimeoutMs: values.BATON_SHUTDOWN_TIMEOUT_MS as number,
    calendar: {
      country: values.BATON_CALENDAR_COUNTRY as string,
      timeZone: values.BATON_CALENDAR_TIME_ZONE as string,
      closedDays: (values.BATON_CLOSED_DAYS as string[] | undefined) ?? [],
      openDays: (values.BATON_OPEN_DAYS as string[] | undefined) ?? [],
    },
    runChannels: {archiveAfterDays: values.BATON_RUN_CHANNEL_ARCHIVE_DAYS as number},
    limits: {
      bodyBytes: values.BATON_BODY_LIMIT_BYTES as number,
      perTokenPerMinute: values.BATON_RATE_LIMIT_TOKEN_PER_MINUTE as number,
      perUserPerMinute: values.BATON_RATE_LIMIT_USER_PER_MINUTE as number,
    },
    intake: {
      bodyBytes: values.BATON_INTAKE_BODY_LIMIT_BYTES as number,
      perAddressPerMinute: values.BATON_INTAKE_RATE_LIMIT_PER_MINUTE as number,
    },
    webhooks: {timeoutMs: values.BATON_WEBHOOK_TIMEOUT_MS as number, maxAttempts: values.BATON_WEBHOOK_MAX_ATTEMPTS as number},
    replicas: {leaderRetryMs: values.BATON_LEADER_RETRY_MS as number},
  };
}

/** An empty variable (`BATON_PORT=`) means "not set", as in most shells' habits. */
function withoutEmpty(source: Source): Source {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
}

function readConfigFile(path: string | undefined, readFile: ConfigInputs['readFile'], problems: string[]): Source {
  if (!path) return {};
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    problems.push(`BATON_CONFIG_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(`BATON_CONFIG_FILE: ${path} is not valid JSON`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`BATON_CONFIG_FILE: ${path} must hold a JSON object of variable names to values`);
    return {};
  }
  const source: Source = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(variableNames as string[]).includes(key) || key === 'BATON_CONFIG_FILE') {
      problems.push(`BATON_CONFIG_FILE: ${path} has unknown key ${JSON.stringify(key)}; allowed: ${variableNames.filter((n) => n !== 'BATON_CONFIG_FILE').join(', ')}`);
    } else if (typeof value === 'string' || typeof value === 'number') {
      source[key] = String(value);
    } else {
      problems.push(`BATON_CONFIG_FILE: ${path} key ${key} must be a string or number`);
    }
  }
  return source;
}
