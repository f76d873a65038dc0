import { parseArgs } from 'node:util';

export const FIGURE_IDS = ['pgbench', 'orders', 'reads', 'failover', 'replay', 'footprint'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface BenchOptions {
  /** Seconds of the order writes; pgbench's baseline runs half before and half after them, the secondary runs take half. */
  durationSeconds: number;
  /** Seconds of warm-up before the first pgbench run, the order writes and the reads (discarded). */
  warmupSeconds: number;
  /** Concurrent clients: pgbench clients and HTTP connections alike. */
  connections: number;
  /** Customers the orders and reads spread over (each pgbench and HTTP request picks one at random). */
  customers: number;
  /** Tiny sizes for the smoke test: every figure produced, none of them meaningful. */
  isSmoke: boolean;
  /** Which figures to measure; the others are reported as not measured in this run. */
  only: FigureId[];
  /** Extra settings for every app, e.g. GROUP_COMMIT_WINDOW_MS=4 to try a lever. */
  appEnv: Record<string, string>;
  /** Profile the apps (`node --cpu-prof`) and summarise where their time goes. */
  isCpuProfiled: boolean;
  /** Run the failover and replay figures even when the fault-tolerance work is not detected (to exercise the harness). */
  isFaultToleranceForced: boolean;
  /** Write bench/results/<date>-<commit>.json and the table in BENCHMARKS.md (otherwise only the run directory). */
  isRecorded: boolean;
}

const USAGE = `npm run bench -- [options]
  --duration <s>       seconds of the order writes; pgbench's baseline runs half before and
                       half after them, its other runs and the reads take half (default 20; smoke 1)
  --warmup <s>         warm-up seconds before pgbench, writes and reads (default 5; smoke 1)
  --connections <n>    pgbench clients and HTTP connections (default 32; smoke 4)
  --customers <n>      customers the load spreads over (default 500; smoke 10)
  --only <ids>         comma-separated subset of ${FIGURE_IDS.join(',')}
  --env KEY=VALUE      extra app setting (repeatable), e.g. --env GROUP_COMMIT_WINDOW_MS=4
  --force-fault-tolerance  run failover and replay even if issue 4 is not detected
  --no-record          do not write bench/results or BENCHMARKS.md
  --smoke              tiny sizes, nothing recorded
Env: BENCH_CPU_PROF=1 profiles the apps (written under bench/tmp/profiles, nothing recorded).`;

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      customers: { type: 'string' },
      only: { type: 'string' },
      env: { type: 'string', multiple: true },
      'force-fault-tolerance': { type: 'boolean' },
      'no-record': { type: 'boolean' },
      smoke: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const isSmoke = values.smoke ?? false;
  const only = values.only ? (values.only.split(',').map((id) => id.trim()) as FigureId[]) : [...FIGURE_IDS];
  const unknown = only.filter((id) => !FIGURE_IDS.includes(id));
  if (unknown.length) throw new Error(`Unknown figure(s) in --only: ${unknown.join(', ')}\n${USAGE}`);
  const isCpuProfiled = ['1', 'true', 'yes'].includes(String(env.BENCH_CPU_PROF ?? '').toLowerCase());
  const options: BenchOptions = {
    durationSeconds: positive('duration', values.duration, isSmoke ? 1 : 20),
    warmupSeconds: positive('warmup', values.warmup, isSmoke ? 1 : 5, true),
    connections: positive('connections', values.connections, isSmoke ? 4 : 32),
    customers: positive('customers', values.customers, isSmoke ? 10 : 500),
    isSmoke,
    only,
    appEnv: Object.fromEntries((values.env ?? []).map(keyValue)),
    isCpuProfiled,
    isFaultToleranceForced: values['force-fault-tolerance'] ?? false,
    isRecorded: false,
  };
  // Only a full, unprofiled run of every figure with the defaults' shape is a record of the commit.
  options.isRecorded =
    !values['no-record'] && !isSmoke && !isCpuProfiled && only.length === FIGURE_IDS.length;
  return options;
}

function positive(name: string, raw: string | undefined, fallback: number, allowZero = false): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${raw}`);
  }
  return value;
}

function keyValue(pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at < 1) throw new Error(`--env takes KEY=VALUE, got ${pair}`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}
