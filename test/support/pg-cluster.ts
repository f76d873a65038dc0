import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

export interface PgClusterOptions {
  /** fsync on, as production runs (default off: a process crash loses nothing without it). */
  fsync?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}

export interface PgCluster {
  port: number;
  /** Superuser URL of one database on this cluster. */
  url(database: string): string;
  readonly isRunning: boolean;
  /**
   * Stops the server, keeping its data. `immediate` is a crash (every backend killed, no
   * checkpoint, crash recovery on the next start); `fast` is a clean shutdown.
   */
  stop(options?: { mode?: 'immediate' | 'fast' }): Promise<void>;
  /** Starts it again on the same port and data, and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it for good and removes its data directory. */
  destroy(): Promise<void>;
  /** The server's log file. */
  logFile: string;
}

/**
 * A throwaway PostgreSQL 15 cluster on a spare loopback port that a test can really crash and
 * restart (`pg_ctl stop -m immediate`): the shared server on 5432 is never touched. Owned by the
 * `postgres` user when this runs as root (initdb refuses root), else by the current user.
 */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = binDir();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kbtest-pgc-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const [uid, gid] = await Promise.all([idOf('-u'), idOf('-g')]);
    chownSync(dir, uid, gid);
  }
  const asOwner = async (program: string, args: string[]) => {
    const file = asRoot ? 'runuser' : program;
    const argv = asRoot ? ['-u', 'postgres', '--', program, ...args] : args;
    await run(file, argv, { env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  };
  const settings = {
    listen_addresses: '127.0.0.1',
    fsync: options.fsync ? 'on' : 'off',
    max_connections: '200',
    ...options.settings,
  };
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');
  let running = false;

  await asOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const start = async () => {
    await asOwner(join(bin, 'pg_ctl'), ['-D', data, '-o', serverOptions, '-l', logFile, '-w', 'start']);
    running = true;
  };
  const stop = async ({ mode = 'fast' }: { mode?: 'immediate' | 'fast' } = {}) => {
    if (!running) return;
    await asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
    running = false;
  };
  await start();
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    get isRunning() {
      return running;
    },
    stop,
    start,
    logFile,
    destroy: async () => {
      try {
        await stop({ mode: 'immediate' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
  if (!found)
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql');
  return found;
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, 'postgres']);
  return Number(stdout.trim());
}
