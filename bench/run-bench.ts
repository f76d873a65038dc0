import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { api } from '../test/support/http';
import { APP_NAMES, AppName } from '../test/support/app-names';
import { measureFailoverGap } from './figures/failover-gap';
import { measureFootprint } from './figures/footprint';
import { measureOrderWrites } from './figures/order-writes';
import { PgbenchBaseline, PgbenchBaselineRuns } from './figures/pgbench-baseline';
import { measureReads } from './figures/reads';
import { measureReplay } from './figures/replay';
import { BenchResult } from './report/bench-result';
import { FigureResult, notAvailable } from './report/figure-result';
import { goalsOf } from './report/goals';
import { ratiosOf } from './report/ratios';
import { renderResultsTable } from './report/render-results-table';
import { ProfileSummary, renderProfileSummaries, summariseCpuProfiles } from './report/summarise-cpu-profile';
import { updateBenchmarksMd } from './report/update-benchmarks-md';
import { BenchOptions, FigureId, parseBenchOptions } from './support/bench-options';
import { BenchSuite, ORDER_BODY, startBenchSuite } from './support/bench-suite';
import { startFaultToleranceSuite } from './support/fault-tolerance-suite';
import { commitInfo, machineInfo } from './support/machine-info';
import { readOrderSample } from './support/order-sample';
import { probeFaultTolerance } from './support/probe-fault-tolerance';
import { rssBytesOf } from './support/proc-stats';
import { progress } from './support/progress';
import { RssSampler } from './support/rss-sampler';

export const BENCH_DIR = __dirname;
export const REPO_ROOT = resolve(__dirname, '..');

export interface BenchRun {
  result: BenchResult;
  /** Where the JSON went: bench/results/<date>-<commit>.json for a recorded run, else the run directory. */
  resultFile: string;
  runDir: string;
  /** Figures that failed with an error (as opposed to features not there yet). */
  failures: string[];
}

/**
 * One run of every figure of issue 7 on a suite of its own (fresh databases, its own Redis
 * prefix), compared with pgbench on the same server in the same run.
 */
export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const startedAt = new Date();
  const runId = startedAt.toISOString().replace(/[:.]/g, '-');
  const runDir = join(BENCH_DIR, 'tmp', 'runs', runId);
  mkdirSync(runDir, { recursive: true });
  const profileDir = options.isCpuProfiled ? join(BENCH_DIR, 'tmp', 'profiles', runId) : undefined;
  const commit = commitInfo(REPO_ROOT);
  const failures: string[] = [];
  const wants = (id: FigureId) => options.only.includes(id);
  const skipped = notAvailable(`not measured in this run (--only ${options.only.join(',')})`);
  const attempt = async <T extends object>(name: string, measure: () => Promise<FigureResult<T>>) => {
    try {
      return await measure();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      progress(`${name} FAILED: ${message}`);
      return notAvailable(`failed: ${message.split('\n')[0]}`);
    }
  };
  const measured = <T extends object>(value: T): FigureResult<T> => ({ available: true, ...value });

  progress(`starting the suite (fresh databases, own Redis prefix)${profileDir ? ', CPU-profiled' : ''}`);
  const bench = await startBenchSuite(options, profileDir);
  let figures: BenchResult['figures'];
  let pgbench: PgbenchBaselineRuns | undefined;
  const faultTolerancePids = new Map<number, AppName>();
  let machine: BenchResult['machine'];
  try {
    await new Promise((done) => setTimeout(done, 1000));
    const idleRss = rssOfApps(bench);
    const info = await machineInfo(bench.suite.databaseUrl, bench.suite.redisUrl);

    // pgbench runs before the suite's writes and once more after them (see PgbenchBaselineRuns).
    let pgbenchBaseline: FigureResult<PgbenchBaseline> = skipped;
    if (wants('pgbench')) {
      pgbenchBaseline = await attempt('pgbench baseline', async () => {
        const sample = await readOrderSample(bench.suite.databaseUrl, await placeSampleOrder(bench));
        pgbench = await PgbenchBaselineRuns.create(options, sample, info.cores, join(runDir, 'pgbench'));
        await pgbench.before();
        return measured(pgbench.result());
      });
    }

    const sampler = new RssSampler((app) => bench.suite.pidOf(app as never), APP_NAMES).start();
    const orderWrites = wants('orders')
      ? await attempt('order writes', async () => measured(await measureOrderWrites(options, bench)))
      : skipped;
    if (pgbench && pgbenchBaseline.available && orderWrites.available) {
      const runs = pgbench;
      pgbenchBaseline = await attempt('pgbench baseline (after)', async () => {
        await runs.after();
        return measured(runs.result());
      });
    }
    await pgbench?.drop();

    const reads = wants('reads')
      ? await measureReads(options, bench).catch((error: Error) => {
          failures.push(`reads: ${error.message}`);
          const failed = notAvailable(`failed: ${error.message.split('\n')[0]}`);
          return { database: failed, cache: failed };
        })
      : { database: skipped, cache: skipped };
    const loadedRss = wants('orders') || wants('reads') ? sampler.stop() : (sampler.stop(), undefined);

    let failoverGap: FigureResult<object> = skipped;
    let replay: FigureResult<object> = skipped;
    if (wants('failover') || wants('replay')) {
      const probe = await probeFaultTolerance(bench.suite);
      if (!probe.isAvailable && !options.isFaultToleranceForced) {
        failoverGap = wants('failover') ? notAvailable(probe.reason) : skipped;
        replay = wants('replay') ? notAvailable(probe.reason) : skipped;
      } else {
        const env = await startFaultToleranceSuite(
          options,
          profileDir ? join(profileDir, 'fault-tolerance') : undefined,
        ).catch((error: Error) => {
          failures.push(`fault-tolerance suite: ${error.message}`);
          progress(`setting up the fault-tolerance suite FAILED: ${error.message}`);
          const failed = notAvailable(
            `failed: setting up the fault-tolerance suite: ${error.message.split('\n')[0]}`,
          );
          if (wants('failover')) failoverGap = failed;
          if (wants('replay')) replay = failed;
          return undefined;
        });
        if (env) {
          try {
            if (wants('failover'))
              failoverGap = await attempt('failover gap', () => measureFailoverGap(options, env));
            if (wants('replay')) replay = await attempt('replay', () => measureReplay(options, env));
          } finally {
            for (const [pid, app] of env.bench.appOfPid) faultTolerancePids.set(pid, app);
            writeFileSync(
              join(runDir, 'fault-tolerance-suite.log'),
              `${env.bench.suite.logs().join('\n')}\n`,
            );
            await env.stop();
          }
        }
      }
    }

    const footprint = wants('footprint')
      ? await attempt('footprint', async () => measured(await measureFootprint(bench, idleRss, loadedRss)))
      : skipped;

    figures = {
      pgbenchBaseline,
      orderWrites,
      readsDatabase: reads.database,
      readsCache: reads.cache,
      failoverGap,
      replay,
      footprint,
    } as BenchResult['figures'];
    machine = { ...info, loadAverageAtEnd: loadavg()[0] };
  } finally {
    progress(`stopping the suite (its logs: ${relative(REPO_ROOT, runDir)}/suite.log)`);
    writeFileSync(join(runDir, 'suite.log'), `${bench.suite.logs().join('\n')}\n`);
    await pgbench?.drop().catch((error: Error) => progress(`dropping pgbench's database: ${error.message}`));
    await bench.stop();
  }

  let profiles: ProfileSummary[] | undefined;
  if (profileDir) {
    profiles = busiestPerApp(summariseCpuProfiles(profileDir, bench.appOfPid));
    const faultToleranceDir = join(profileDir, 'fault-tolerance');
    if (existsSync(faultToleranceDir)) {
      const named = new Map(
        [...faultTolerancePids].map(([pid, app]) => [pid, `${app} (fault-tolerance suite)`]),
      );
      profiles.push(...busiestPerApp(summariseCpuProfiles(faultToleranceDir, named)));
    }
    writeFileSync(join(profileDir, 'summary.md'), renderProfileSummaries(profiles));
    progress(`CPU profiles and their summary: ${relative(REPO_ROOT, profileDir)}/summary.md`);
  }

  const ratios = ratiosOf(figures.pgbenchBaseline, figures.orderWrites);
  const { isRecorded: _isRecorded, ...shownOptions } = options;
  const finishedAt = new Date();
  const result: BenchResult = {
    schema: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    commit,
    options: shownOptions,
    machine,
    figures,
    ratios,
    goals: goalsOf(figures, ratios),
    ...(profiles ? { profiles } : {}),
  };

  const resultFile = options.isRecorded
    ? join(BENCH_DIR, 'results', `${startedAt.toISOString().slice(0, 10)}-${commit.commit}.json`)
    : join(runDir, 'result.json');
  mkdirSync(join(resultFile, '..'), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  const table = renderResultsTable(result, relative(REPO_ROOT, resultFile));
  writeFileSync(join(runDir, 'table.md'), `${table}\n`);
  if (options.isRecorded) updateBenchmarksMd(join(REPO_ROOT, 'BENCHMARKS.md'), table);
  return { result, resultFile, runDir, failures };
}

/** Places one order through the API and answers its op id: the rows pgbench will copy. */
async function placeSampleOrder(bench: BenchSuite): Promise<string> {
  const response = await api(bench.suite).post(
    `/v1/telegram/users/${bench.telegramIds[0]}/orders`,
    JSON.parse(ORDER_BODY),
    { apiKey: bench.nextApiKey(), idempotencyKey: 'bench-sample-order' },
  );
  if (response.status !== 201)
    throw new Error(`The sample order answered ${response.status}: ${response.text}`);
  return response.headers['x-op-id'];
}

function rssOfApps(bench: BenchSuite): Record<string, number> {
  const rss: Record<string, number> = {};
  for (const app of APP_NAMES) {
    const pid = bench.suite.pidOf(app);
    const bytes = pid ? rssBytesOf(pid) : undefined;
    if (bytes !== undefined) rss[app] = bytes;
  }
  return rss;
}

/** Restarted apps leave a second, start-up-only profile: keep the one that saw the load. */
function busiestPerApp(summaries: ProfileSummary[]): ProfileSummary[] {
  const best = new Map<string, ProfileSummary>();
  for (const summary of summaries) {
    if ((best.get(summary.app)?.busyMs ?? -1) < summary.busyMs) best.set(summary.app, summary);
  }
  return [...best.values()];
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const run = await runBench(options);
  console.log(`\n${renderResultsTable(run.result, relative(REPO_ROOT, run.resultFile))}\n`);
  if (run.result.profiles) console.log(renderProfileSummaries(run.result.profiles));
  progress(
    options.isRecorded
      ? `recorded ${relative(REPO_ROOT, run.resultFile)} and the table in BENCHMARKS.md`
      : `not recorded (smoke, profiled, --only or --no-record): ${relative(REPO_ROOT, run.resultFile)}`,
  );
  if (run.failures.length) {
    console.error(`Figures that failed:\n- ${run.failures.join('\n- ')}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
