import { APP_NAMES } from '../../test/support/app-names';
import { SUITE_TOTAL } from '../figures/order-writes';
import { BATCH_SIZE } from '../figures/pgbench-baseline';
import type { DatabaseActivity } from '../support/database-activity';
import type { LatencySummary } from '../support/latency-summary';
import type { PgbenchRun } from '../support/run-pgbench';
import type { BenchResult } from './bench-result';
import type { FigureResult } from './figure-result';

const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
const lat = (l: LatencySummary) => `${l.p50} / ${l.p99} / ${l.max}`;
const met = (isMet: boolean | null) => (isMet === null ? '—' : isMet ? 'yes' : '**no**');
const na = (figure: FigureResult<object>) => (figure.available ? '' : `not available: ${figure.reason}`);

/** The generated part of BENCHMARKS.md: goals beside this run's figures, then every figure. */
export function renderResultsTable(result: BenchResult, resultFile: string): string {
  const { machine, commit, options, figures, ratios } = result;
  const lines: string[] = [];
  lines.push(
    `Run ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC on commit \`${commit.commit}\`` +
      `${commit.isDirty ? ' (with uncommitted changes)' : ''}, \`${resultFile}\`; ` +
      `${options.connections} clients, ${options.durationSeconds} s per run after ${options.warmupSeconds} s warm-up, ` +
      `${options.customers} customers${Object.keys(options.appEnv).length ? `, app env ${JSON.stringify(options.appEnv)}` : ''}.`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${gib(machine.memoryBytes)} GiB; Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres}, Redis ${machine.redis}; load average ${machine.loadAverageAtStart.toFixed(1)} ` +
      `at start, ${machine.loadAverageAtEnd.toFixed(1)} at end (other work on the machine shows here).`,
    '',
    '| figure | goal | this run | met |',
    '|---|---|---|---|',
    ...result.goals.map((g) => `| ${g.figure} | ${g.goal} | ${g.value} | ${met(g.isMet)} |`),
    '',
  );

  lines.push(
    '| measured | orders/s | p50 / p99 / max ms | CPU-ms per order | ÷ pgbench prepared |',
    '|---|---:|---|---|---:|',
  );
  const baseline = figures.pgbenchBaseline;
  if (baseline.available) {
    const row = (label: string, run: PgbenchRun) =>
      `| ${label} | ${run.ordersPerSecond} | ${lat(run.latencyMs)} | pgbench ${run.cpuMsPerOrder.pgbench} + postgres ${run.cpuMsPerOrder.postgres} | ${(run.ordersPerSecond / baseline.baseline.ordersPerSecond).toFixed(2)} |`;
    lines.push(
      row("pgbench, one order per transaction, `-M prepared`, before the suite's writes", baseline.prepared),
      ...(baseline.preparedAfter
        ? [row("pgbench, the same, after the suite's writes", baseline.preparedAfter)]
        : []),
      `| **baseline: the mean of the two** | **${baseline.baseline.ordersPerSecond}** | ${lat(baseline.baseline.latencyMs)} | | 1.00 |`,
      row('pgbench, same, `-M extended`', baseline.extended),
      row(
        `pgbench, ${BATCH_SIZE} orders per transaction, multi-row inserts, \`-M prepared\``,
        baseline.batched,
      ),
    );
  } else {
    lines.push(`| pgbench | ${na(baseline)} | | | |`);
  }
  const orders = figures.orderWrites;
  if (orders.available) {
    const cpu = Object.entries(orders.cpuMsPerOrder)
      .map(([group, ms]) => `${group} ${ms}`)
      .join(', ');
    lines.push(
      `| **suite: POST /v1/telegram/users/{id}/orders** | **${orders.ordersPerSecond}** | ${lat(orders.latencyMs)} | ${cpu} | **${ratios.available ? ratios.ordersVsPgbenchPrepared.toFixed(2) : '—'}** |`,
    );
  } else {
    lines.push(`| suite order writes | ${na(orders)} | | | |`);
  }
  if (ratios.available) {
    lines.push(
      '',
      `Suite ÷ pgbench: ${ratios.ordersVsPgbenchPrepared} of \`-M prepared\`, ${ratios.ordersVsPgbenchExtended} of ` +
        `\`-M extended\`, ${ratios.ordersVsPgbenchBatched} of the batched ceiling; p99 ${ratios.p99VsPgbenchPrepared}× pgbench's. ` +
        `Server-side CPU per order: pgbench's PostgreSQL ÷ the suite's = ${ratios.serverCpuVsPgbenchPrepared} ` +
        '(the throughput ratio where both are CPU-bound; steadier than throughput on a shared machine).',
    );
  }
  if (baseline.available && orders.available) {
    const activity = (a: DatabaseActivity) =>
      `${a.commits} commits, ${a.rowsInserted} rows inserted, ${a.rowsUpdated} updated, ${a.rowsFetched} fetched`;
    lines.push(
      `Database work per order (pg_stat_database): suite ${activity(orders.databasePerOrder)}; ` +
        `pgbench ${activity(baseline.prepared.databasePerOrder)}.`,
    );
  }
  if (orders.available) {
    lines.push(
      `Order answers: ${JSON.stringify(orders.statusCounts)}, ${orders.connectionErrors} connection errors; ` +
        `${orders.acceptedChecked} accepted orders checked in the primary: ${orders.acceptedMissing} missing, ` +
        `${orders.duplicatedOrders} doubled.`,
    );
  }
  lines.push('');

  lines.push(
    '| reads: GET /v1/telegram/users/{id}/loyalty | reads/s | p50 / p99 / max ms | answers by X-Data-Source in the run | CPU-ms per read (suite) |',
    '|---|---:|---|---|---|',
  );
  for (const [label, figure] of [
    ['from a database (random customers)', figures.readsDatabase],
    ['from the cache (hot customers)', figures.readsCache],
  ] as const) {
    if (figure.available) {
      const single = figure.oneConnectionLatencyMs
        ? `; one connection: ${lat(figure.oneConnectionLatencyMs)}`
        : '';
      lines.push(
        `| ${label} | ${figure.readsPerSecond} | ${lat(figure.latencyMs)}${single} | ${JSON.stringify(figure.dataSources)} | ${figure.cpuMsPerRead[SUITE_TOTAL]} |`,
      );
    } else {
      lines.push(`| ${label} | ${na(figure)} | | | |`);
    }
  }
  lines.push('');

  const failover = figures.failoverGap;
  lines.push(
    failover.available
      ? `Failover: crash → next accepted write ${failover.crashToNextAcceptedMs} ms, longest gap ${failover.longestGapMs} ms, ` +
          `errors ${JSON.stringify(failover.errors)}, restart → databases equal ${failover.restartToEqualMs ?? 'never'} ms, ` +
          `${failover.accepted} accepted: ${failover.lost} lost (in neither database), ${failover.duplicated} doubled, ` +
          `${failover.missingOnPrimary} not on the primary and ${failover.missingOnBackup} not on the backup when the wait ended` +
          (failover.appsExited.length ? `; ${failover.appsExited.join(', ')} exited during the figure.` : '.')
      : `Failover write gap: ${na(failover)}.`,
  );
  const replay = figures.replay;
  lines.push(
    replay.available
      ? `Replay: ${replay.queuedOps} ops queued in CACHE_ONLY (at ${replay.enqueuePerSecond}/s), ` +
          (replay.isBacklogEmptied
            ? `drained at ${replay.opsPerSecond} ops/s; databases back → first op replayed ${replay.restoreToFirstReplayMs} ms, ` +
              `→ backlog empty ${replay.restoreToEmptyMs} ms; ${replay.lost} lost, ${replay.duplicated} doubled`
            : `replayed at ${replay.opsPerSecond} ops/s, ${replay.replayedOps} of them when the bench stopped waiting; ` +
              `databases back → first op replayed ${replay.restoreToFirstReplayMs ?? 'never'} ms; ${replay.duplicated} doubled`) +
          (Object.keys(replay.otherAnswers).length
            ? `; other answers while queueing ${JSON.stringify(replay.otherAnswers)}.`
            : '.')
      : `Replay: ${na(replay)}.`,
    '',
  );

  const footprint = figures.footprint;
  if (footprint.available) {
    lines.push(
      `Footprint: the four apps started together were ready in ${footprint.suiteStartMs} ms.`,
      '',
      '| app | start-up alone, ms | idle RSS MiB | loaded RSS MiB (peak) |',
      '|---|---:|---:|---:|',
      ...APP_NAMES.map((app) => {
        const f = footprint.apps[app];
        return `| ${app} | ${f.startupMs} | ${f.idleRssMb} | ${f.loadedRssMb ?? '—'} |`;
      }),
    );
  } else {
    lines.push(`Footprint: ${na(footprint)}.`);
  }
  return lines.join('\n');
}
