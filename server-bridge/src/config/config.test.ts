import {StartupError} from '../errors';
import {loadConfig} from './config';

const noFile = () => {
  throw Object.assign(new Error('no file'), {code: 'ENOENT'});
};

function problemsOf(env: Record<string, string>, readFile: (path: string) => string = noFile): string[] {
  try {
    loadConfig({env, readFile});
  } catch (error) {
    if (error instanceof StartupError) return error.lines;
    throw error;
  }
  throw new Error('expected loadConfig to reject the configuration');
}

describe('loadConfig', () => {
  it('uses the embedded engine on ./data with documented defaults when nothing is set', () => {
    expect(loadConfig({env: {}, readFile: noFile})).toEqual({
      http: {host: '127.0.0.1', port: 8787},
      storage: {engine: 'embedded', dataDir: './data'},
      logLevel: 'info',
      shutdownTimeoutMs: 10000,
      calendar: {country: 'US', timeZone: 'UTC', closedDays: [], openDays: []},
      runChannels: {archiveAfterDays: 7},
      limits: {bodyBytes: 1048576, perTokenPerMinute: 600, perUserPerMinute: 1200},
      intake: {bodyBytes: 32768, perAddressPerMinute: 10},
      webhooks: {timeoutMs: 10000, maxAttempts: 20},
      replicas: {leaderRetryMs: 5000},
    });
  });

  it('reads how long run channels stay after their run, 0 meaning forever, and names a bad value', () => {
    expect(loadConfig({env: {BATON_RUN_CHANNEL_ARCHIVE_DAYS: '0'}, readFile: noFile}).runChannels).toEqual({archiveAfterDays: 0});
    expect(problemsOf({BATON_RUN_CHANNEL_ARCHIVE_DAYS: '-1'}).join('\n')).toContain('BATON_RUN_CHANNEL_ARCHIVE_DAYS: expected a whole number from 0 to 3650');
  });

  it('reads the organisation calendar, and names a bad country, zone or date list', () => {
    const config = loadConfig({env: {BATON_CALENDAR_COUNTRY: 'jp', BATON_CALENDAR_TIME_ZONE: 'Asia/Tokyo', BATON_CLOSED_DAYS: '2026-12-29,2026-12-30'}, readFile: noFile});
    expect(config.calendar).toEqual({country: 'jp', timeZone: 'Asia/Tokyo', closedDays: ['2026-12-29', '2026-12-30'], openDays: []});
    expect(() => loadConfig({env: {BATON_CALENDAR_COUNTRY: 'XX', BATON_CALENDAR_TIME_ZONE: 'Mars/Olympus', BATON_OPEN_DAYS: '2026-12-29, 2026-12-30'}, readFile: noFile})).toThrow(
      expect.objectContaining({
        lines: [
          'config: BATON_CALENDAR_COUNTRY: expected an ISO 3166 country code with public-holiday data, e.g. JP, TW, RU or US, got "XX"',
          'config: BATON_CALENDAR_TIME_ZONE: expected an IANA time zone such as Asia/Tokyo or Europe/Moscow, got "Mars/Olympus"',
          'config: BATON_OPEN_DAYS: expected dates YYYY-MM-DD separated by commas, without spaces, got "2026-12-29, 2026-12-30"',
        ],
      }),
    );
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({env: {DATABASE_URL: 'postgres://u:p@db:5432/baton', BATON_PG_POOL_SIZE: '4'}, readFile: noFile});
    expect(config.storage).toEqual({engine: 'postgres', url: 'postgres://u:p@db:5432/baton', poolSize: 4});
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({env: {BATON_PORT: '', DATABASE_URL: ''}, readFile: noFile}).http.port).toBe(8787);
  });

  it('lists every bad variable at once, each with what is allowed', () => {
    const lines = problemsOf({BATON_PORT: 'eighty', BATON_LOG_LEVEL: 'loud', BATON_PG_POOL_SIZE: '0', DATABASE_URL: 'nonsense'});
    expect(lines).toEqual([
      'config: BATON_PORT: expected a whole number from 0 to 65535, got "eighty"',
      'config: DATABASE_URL: expected a PostgreSQL URL like postgres://user:password@host:5432/baton, got (hidden)',
      'config: BATON_PG_POOL_SIZE: expected a whole number from 1 to 200, got "0"',
      'config: BATON_LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
  });

  it('never echoes the database URL, which carries a password', () => {
    const lines = problemsOf({DATABASE_URL: 'mysql://root:hunter2@db/x'});
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  it('rejects a fractional or out-of-range port', () => {
    expect(problemsOf({BATON_PORT: '80.5'})[0]).toContain('BATON_PORT');
    expect(problemsOf({BATON_PORT: '70000'})[0]).toContain('BATON_PORT');
  });

  describe('BATON_CONFIG_FILE', () => {
    const file = (text: string) => () => text;

    it('reads variables from the file, and the environment wins', () => {
      const config = loadConfig({
        env: {BATON_CONFIG_FILE: '/etc/baton.json', BATON_PORT: '9000'},
        readFile: file(JSON.stringify({BATON_PORT: 8000, BATON_HOST: '0.0.0.0'})),
      });
      expect(config.http).toEqual({host: '0.0.0.0', port: 9000});
    });

    it('names an unreadable file', () => {
      expect(problemsOf({BATON_CONFIG_FILE: '/nope.json'})).toEqual(['config: BATON_CONFIG_FILE: cannot read /nope.json (ENOENT)']);
    });

    it('names invalid JSON, unknown keys and non-scalar values', () => {
      expect(problemsOf({BATON_CONFIG_FILE: '/c.json'}, file('{'))).toEqual(['config: BATON_CONFIG_FILE: /c.json is not valid JSON']);
      const lines = problemsOf({BATON_CONFIG_FILE: '/c.json'}, file(JSON.stringify({BATON_PROT: 1, BATON_HOST: ['a']})));
      expect(lines[0]).toMatch(/unknown key "BATON_PROT"; allowed: BATON_HOST, BATON_PORT/);
      expect(lines[1]).toBe('config: BATON_CONFIG_FILE: /c.json key BATON_HOST must be a string or number');
    });

    it('validates values that come from the file like those from the environment', () => {
      expect(problemsOf({BATON_CONFIG_FILE: '/c.json'}, file(JSON.stringify({BATON_PORT: -1})))).toEqual([
        'config: BATON_PORT: expected a whole number from 0 to 65535, got "-1"',
      ]);
    });
  });
});
