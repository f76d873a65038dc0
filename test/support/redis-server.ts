import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { trackChild } from './child-registry';
import { freePort } from './free-port';
import { waitUntil } from './wait-until';

export interface RedisServerOptions {
  /** AOF persistence, so queued jobs survive a restart (default true, as production runs). */
  appendonly?: boolean;
}

export interface RedisServer {
  url: string;
  port: number;
  /** The data directory (AOF files), removed by stop(). */
  dir: string;
  /** The server's own log lines. */
  logs: string[];
  readonly isRunning: boolean;
  /** Takes the server down (SIGTERM saves the AOF; SIGKILL is a crash) and keeps its data. */
  down(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Brings it back on the same port and data directory, and waits until it answers PING. */
  up(): Promise<void>;
  /** down(), an optional pause, then up(). */
  restart(options?: { signal?: 'SIGTERM' | 'SIGKILL'; downMs?: number }): Promise<void>;
  /** Stops it for good and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * A private `redis-server` on a free loopback port, for tests that stop or restart Redis. The
 * shared one on 6379 is never touched.
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kbtest-redis-'));
  const logs: string[] = [];
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const up = async () => {
    if (child) throw new Error(`redis-server on ${port} is already running`);
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir];
    args.push('--appendonly', options.appendonly === false ? 'no' : 'yes', '--logfile', '');
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    trackChild(proc);
    for (const stream of [proc.stdout!, proc.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => logs.push(line));
    }
    exited = new Promise((resolve) => {
      proc.once('close', () => resolve());
      proc.once('error', (error) => {
        logs.push(`[spawn error] ${error.message}`);
        resolve();
      });
    });
    void exited.then(() => {
      if (child === proc) child = null;
    });
    await waitUntil(async () => ((await ping(port)) ? true : undefined), {
      timeoutMs: 10_000,
      giveUpIf: () => (child === proc ? undefined : 'redis-server exited'),
      describe: () => `redis-server on port ${port} to answer PING\n${logs.slice(-30).join('\n')}`,
    });
  };

  const down = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const proc = child;
    if (!proc) return;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await up();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    logs,
    get isRunning() {
      return child !== null;
    },
    down,
    up,
    restart: async ({ signal = 'SIGTERM', downMs = 0 } = {}) => {
      await down(signal);
      if (downMs) await new Promise((resolve) => setTimeout(resolve, downMs));
      await up();
    },
    stop: async () => {
      await down('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One raw PING, so this helper does not depend on a client library's reconnect rules. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
