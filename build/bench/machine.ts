import {readFileSync} from 'node:fs';
import {cpus, loadavg, release, totalmem} from 'node:os';
import {join} from 'node:path';
import {Client} from 'pg';
import {repoRoot} from '../paths';
import type {MachineDescription} from './report';

// What the figures were measured on, for the report's machine table.

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? process.platform}, kernel ${release()}`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {version: string}).version;
  } catch {
    return 'unknown';
  }
}

export async function describeMachine(postgresUrl: string, loadAtStart: number): Promise<MachineDescription> {
  const client = new Client({connectionString: postgresUrl});
  await client.connect();
  let postgres: string;
  try {
    postgres = ((await client.query<{version: string}>('select version()')).rows[0]?.version ?? 'unknown').replace(/ on .*$/, '');
  } finally {
    await client.end();
  }
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    postgres,
    pglite: packageVersion('@electric-sql/pglite'),
    loadAverage: {start: loadAtStart, end: loadavg()[0] ?? 0},
  };
}
