import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import Redis from 'ioredis';
import { withPgClient } from './with-pg-client';
import { PGBENCH } from './pgbench-binary';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  kernel: string;
  node: string;
  postgres: string;
  pgbench: string;
  redis: string;
  /** Settings of the PostgreSQL server the suite and pgbench share. */
  postgresSettings: Record<string, string>;
  /** 1-minute load average when the bench started: other work on a shared machine shows here. */
  loadAverageAtStart: number;
}

export interface CommitInfo {
  commit: string;
  /** The working tree differs from the commit (measured code is not exactly `commit`). */
  isDirty: boolean;
}

const PG_SETTINGS = [
  'shared_buffers',
  'synchronous_commit',
  'fsync',
  'wal_level',
  'commit_delay',
  'max_connections',
  'max_wal_size',
  'checkpoint_timeout',
];

export async function machineInfo(databaseUrl: string, redisUrl: string): Promise<MachineInfo> {
  const postgres = await withPgClient(databaseUrl, async (client) => {
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]
      .server_version;
    const settings: Record<string, string> = {};
    for (const name of PG_SETTINGS) {
      settings[name] = (await client.query(`SHOW ${name}`)).rows[0][name];
    }
    return { version, settings };
  });
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    kernel: release(),
    node: process.version,
    postgres: postgres.version,
    pgbench: execFileSync(PGBENCH, ['--version'], { encoding: 'utf8' }).trim(),
    redis: await redisVersion(redisUrl),
    postgresSettings: postgres.settings,
    loadAverageAtStart: loadavg()[0],
  };
}

/** The commit measured, read with read-only git commands. */
export function commitInfo(cwd: string): CommitInfo {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', '--short=10', 'HEAD'), isDirty: git('status', '--porcelain') !== '' };
  } catch {
    return { commit: 'unknown', isDirty: true };
  }
}

async function redisVersion(redisUrl: string): Promise<string> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

/** The pid of the Redis server, for its CPU time (shared with anything else using that server). */
export async function redisServerPid(redisUrl: string): Promise<number | undefined> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
    return Number.isFinite(pid) && pid > 0 ? pid : undefined;
  } finally {
    redis.disconnect();
  }
}
