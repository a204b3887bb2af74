import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Client} from 'pg';
import type {StorageConfig} from '../config/config';

export const engineNames = ['embedded', 'postgres'] as const;

export interface TestStorage {
  config: StorageConfig;
  /** Deletes the data directory or drops the database. */
  cleanup(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (its global setup starts PostgreSQL).');
  return url;
}

/** Runs one SQL statement as the test server's superuser. */
export async function adminQuery(statement: string): Promise<void> {
  const client = new Client({connectionString: testDatabaseUrl()});
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function postgresUrlFor(database: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, empty store of the given engine for one test suite. */
export async function freshStorage(engine: (typeof engineNames)[number]): Promise<TestStorage> {
  if (engine === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-embedded-'));
    return {config: {engine, dataDir}, cleanup: async () => rmSync(dataDir, {recursive: true, force: true})};
  }
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template template0 encoding 'UTF8'`);
  return {
    config: {engine, url: postgresUrlFor(name), poolSize: 4},
    cleanup: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}
