import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backendPids } from './backend-pids';
import { CpuMeter } from './cpu-meter';
import { activityPerOrder, DatabaseActivity, databaseActivity } from './database-activity';
import { LatencySummary, latencySummary, round } from './latency-summary';
import { PGBENCH } from './pgbench-binary';
import { PgbenchScript } from './pgbench-scripts';

export type PgbenchProtocol = 'prepared' | 'extended';

export interface PgbenchRunOptions {
  databaseUrl: string;
  script: PgbenchScript;
  protocol: PgbenchProtocol;
  clients: number;
  threads: number;
  durationSeconds: number;
  /** Where the script and the per-transaction logs go (emptied first). */
  workDir: string;
}

export interface PgbenchRun {
  script: string;
  protocol: PgbenchProtocol;
  clients: number;
  durationSeconds: number;
  /** Transactions per second, without the initial connection time (pgbench's own figure). */
  tps: number;
  /** tps × orders per transaction. */
  ordersPerSecond: number;
  transactions: number;
  failedTransactions: number;
  /** Per-transaction latency from pgbench's log (-l), in ms. */
  latencyMs: LatencySummary;
  /** CPU-ms per order, measured in the middle of the run: pgbench itself, and the backends serving it. */
  cpuMsPerOrder: { pgbench: number; postgres: number };
  /** pg_stat_database counters per order (commits, rows inserted…) over the whole run. */
  databasePerOrder: DatabaseActivity;
}

/** Runs pgbench once with a custom script and reads its throughput, latency and CPU cost. */
export async function runPgbench(options: PgbenchRunOptions): Promise<PgbenchRun> {
  const { script, protocol, clients, threads, durationSeconds } = options;
  const workDir = resolve(options.workDir);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const scriptFile = join(workDir, `${script.name}.sql`);
  writeFileSync(scriptFile, script.text);
  const url = new URL(options.databaseUrl);
  const args = [
    '-n', // no vacuum: there are no pgbench tables
    `-f${scriptFile}`,
    `-M${protocol}`,
    `-c${clients}`,
    `-j${threads}`,
    `-T${durationSeconds}`,
    '-l',
    `--log-prefix=${join(workDir, 'txn')}`,
    `-h${url.hostname}`,
    `-p${url.port || '5432'}`,
    ...(url.username ? [`-U${decodeURIComponent(url.username)}`] : []),
    ...Object.entries(script.variables).map(([name, value]) => `-D${name}=${value}`),
    decodeURIComponent(url.pathname.slice(1)),
  ];
  const before = await databaseActivity(options.databaseUrl);
  const child = spawn(PGBENCH, args, {
    cwd: workDir,
    env: {
      ...process.env,
      PGPASSWORD: decodeURIComponent(url.password),
      PGAPPNAME: 'karmabot-bench-pgbench',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  // CPU is read away from the edges of the run, where connecting and stopping distort it.
  const durationMs = durationSeconds * 1000;
  const meterFromMs = Math.min(1000, durationMs * 0.25);
  const meterToMs = durationMs - Math.min(500, durationMs * 0.1);
  await sleep(meterFromMs);
  const meterFromEpochMs = Date.now();
  const meter = await CpuMeter.start({
    pgbench: () => (child.pid ? [child.pid] : []),
    postgres: () => backendPids(options.databaseUrl),
  });
  await sleep(meterToMs - meterFromMs);
  const { cpuMs } = await meter.stop();
  const meterToEpochMs = Date.now();

  const code = await exited;
  if (code !== 0) throw new Error(`pgbench ${args.join(' ')} exited with ${code}:\n${output}`);
  const tps = Number(/^tps = ([\d.]+) \(without initial connection time\)/m.exec(output)?.[1]);
  const transactions = Number(/^number of transactions actually processed: (\d+)/m.exec(output)?.[1]);
  const failedTransactions = Number(/^number of failed transactions: (\d+)/m.exec(output)?.[1] ?? 0);
  if (!Number.isFinite(tps) || !Number.isFinite(transactions)) {
    throw new Error(`Could not read pgbench's output:\n${output}`);
  }

  // pgbench's backends have exited, publishing their counters on the way out.
  const after = await databaseActivity(options.databaseUrl);
  const { latenciesMs, finishedBetween } = readTransactionLog(workDir, meterFromEpochMs, meterToEpochMs);
  const ordersMetered = finishedBetween * script.ordersPerTransaction;
  return {
    script: script.name,
    protocol,
    clients,
    durationSeconds,
    tps: round(tps, 1),
    ordersPerSecond: round(tps * script.ordersPerTransaction, 1),
    transactions,
    failedTransactions,
    latencyMs: latencySummary(latenciesMs),
    cpuMsPerOrder: {
      pgbench: ordersMetered ? round(cpuMs.pgbench / ordersMetered, 3) : 0,
      postgres: ordersMetered ? round(cpuMs.postgres / ordersMetered, 3) : 0,
    },
    databasePerOrder: activityPerOrder(before, after, transactions * script.ordersPerTransaction),
  };
}

/**
 * pgbench -l writes one line per transaction and thread file:
 * `client_id transaction_no time script_no time_epoch time_us`, time being the latency in µs
 * (or a word for a failed transaction).
 */
function readTransactionLog(
  workDir: string,
  fromEpochMs: number,
  toEpochMs: number,
): { latenciesMs: number[]; finishedBetween: number } {
  const latenciesMs: number[] = [];
  let finishedBetween = 0;
  for (const file of readdirSync(workDir).filter((name) => name.startsWith('txn.'))) {
    for (const line of readFileSync(join(workDir, file), 'utf8').split('\n')) {
      const fields = line.split(' ');
      const latencyUs = Number(fields[2]);
      if (fields.length < 6 || !Number.isFinite(latencyUs)) continue;
      latenciesMs.push(latencyUs / 1000);
      const finishedMs = Number(fields[4]) * 1000 + Number(fields[5]) / 1000;
      if (finishedMs >= fromEpochMs && finishedMs < toEpochMs) finishedBetween++;
    }
  }
  return { latenciesMs, finishedBetween };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
