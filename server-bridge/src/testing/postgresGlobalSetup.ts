import {startThrowawayPostgres} from './throwawayPostgres';

/**
 * Jest global setup for the bridge: every storage suite runs on PostgreSQL
 * too. Uses TEST_DATABASE_URL when given, otherwise starts a throwaway server
 * and makes sure it is stopped when the jest process exits, pass or fail.
 */
export default async function postgresGlobalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startThrowawayPostgres();
  process.env.TEST_DATABASE_URL = server.url;
  process.once('exit', () => server.stop());
}
