import { DRAIN_LIMIT_MS } from '../figures/replay';
import type { BenchResult } from './bench-result';

/** One line of the goal table, beside what this run measured. */
export interface GoalRow {
  figure: string;
  goal: string;
  /** The measured value, or "not available: <reason>". */
  value: string;
  /** null when not measured. */
  isMet: boolean | null;
}

/** The goals of issue 7, in its order; the ratios are the ones that carry over between machines. */
export function goalsOf(figures: BenchResult['figures'], ratios: BenchResult['ratios']): GoalRow[] {
  const rows: GoalRow[] = [];
  const na = (reason: string) => ({ value: `not available: ${reason}`, isMet: null });
  const clients = figures.orderWrites.available ? figures.orderWrites.connections : undefined;
  const at = clients ? `, ${clients} clients` : '';

  rows.push({
    figure: `suite order writes ÷ pgbench TPS of the same transaction (-M prepared)${at}`,
    goal: '≥ 0.5; aim past 1.0 with group commit',
    ...(ratios.available
      ? { value: ratios.ordersVsPgbenchPrepared.toFixed(2), isMet: ratios.ordersVsPgbenchPrepared >= 0.5 }
      : na(ratios.reason)),
  });
  rows.push({
    figure: `order write p99 ÷ pgbench's own p99${at}`,
    goal: '≤ 2',
    ...(ratios.available
      ? { value: ratios.p99VsPgbenchPrepared.toFixed(2), isMet: ratios.p99VsPgbenchPrepared <= 2 }
      : na(ratios.reason)),
  });
  const cache = figures.readsCache;
  rows.push({
    figure: 'cached read p99',
    goal: '≤ 5 ms',
    ...(cache.available
      ? {
          value:
            `${cache.latencyMs.p99} ms at ${cache.connections} connections` +
            (cache.oneConnectionLatencyMs
              ? `; ${cache.oneConnectionLatencyMs.p99} ms with one connection`
              : ''),
          isMet: cache.latencyMs.p99 <= 5,
        }
      : na(cache.reason)),
  });
  const failover = figures.failoverGap;
  rows.push({
    figure: 'failover write gap (primary crash → next accepted write)',
    goal: '≤ 1 s',
    ...(failover.available
      ? {
          value: `${failover.crashToNextAcceptedMs} ms (longest gap without an accepted write ${failover.longestGapMs} ms)`,
          isMet: failover.crashToNextAcceptedMs <= 1000,
        }
      : na(failover.reason)),
  });
  const replay = figures.replay;
  rows.push({
    figure: 'replay of 10,000 queued ops',
    goal: '≥ 5,000 ops/s',
    ...(replay.available
      ? {
          value: replay.isBacklogEmptied
            ? `${replay.opsPerSecond} ops/s while draining ${replay.queuedOps} queued ops ` +
              `(${replay.restoreToEmptyMs} ms from both databases back to an empty backlog)`
            : `${replay.opsPerSecond} ops/s: ${replay.replayedOps} of ${replay.queuedOps} queued ops replayed ` +
              `when the bench stopped waiting (${DRAIN_LIMIT_MS / 1000} s)`,
          isMet: replay.opsPerSecond >= 5000,
        }
      : na(replay.reason)),
  });
  rows.push(lostOrDuplicated(figures));
  return rows;
}

/** Counted in every figure that checks accepted writes against the databases. */
function lostOrDuplicated(figures: BenchResult['figures']): GoalRow {
  const parts: string[] = [];
  let bad = 0;
  let isMeasured = false;
  const orders = figures.orderWrites;
  if (orders.available) {
    isMeasured = true;
    bad += orders.acceptedMissing + orders.duplicatedOrders;
    parts.push(
      `steady writes: ${orders.acceptedMissing} lost, ${orders.duplicatedOrders} doubled of ${orders.acceptedChecked}`,
    );
  }
  const failover = figures.failoverGap;
  if (failover.available) {
    isMeasured = true;
    bad += failover.lost + failover.duplicated;
    parts.push(
      `failover: ${failover.lost} lost, ${failover.duplicated} doubled of ${failover.accepted}` +
        (failover.missingOnPrimary || failover.missingOnBackup
          ? ` (not yet copied: ${failover.missingOnPrimary} to the primary, ${failover.missingOnBackup} to the backup)`
          : ''),
    );
  } else {
    parts.push('failover: not available');
  }
  const replay = figures.replay;
  if (replay.available) {
    isMeasured = true;
    bad += (replay.lost ?? 0) + replay.duplicated;
    parts.push(
      replay.lost === null
        ? `replay: lost not known (backlog not empty in time), ${replay.duplicated} doubled`
        : `replay: ${replay.lost} lost, ${replay.duplicated} doubled of ${replay.queuedOps}`,
    );
  } else {
    parts.push('replay: not available');
  }
  return {
    figure: 'lost or duplicated accepted writes',
    goal: '0',
    value: isMeasured ? `${bad} (${parts.join('; ')})` : `not available: ${parts.join('; ')}`,
    isMet: isMeasured ? bad === 0 : null,
  };
}
