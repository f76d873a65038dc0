import type { FailoverGap } from '../figures/failover-gap';
import type { Footprint } from '../figures/footprint';
import type { OrderWrites } from '../figures/order-writes';
import type { PgbenchBaseline } from '../figures/pgbench-baseline';
import type { Reads } from '../figures/reads';
import type { Replay } from '../figures/replay';
import type { BenchOptions } from '../support/bench-options';
import type { CommitInfo, MachineInfo } from '../support/machine-info';
import type { FigureResult } from './figure-result';
import type { GoalRow } from './goals';
import type { ProfileSummary } from './summarise-cpu-profile';

/** Suite ÷ pgbench, the figures that carry over between machines. */
export interface Ratios {
  /** Suite orders/s ÷ pgbench TPS of the lean transaction, -M prepared, before and after the suite's run: the headline. */
  ordersVsPgbenchPrepared: number;
  ordersVsPgbenchExtended: number;
  /** ÷ pgbench's orders/s with 8 orders per transaction: how far group commit could go. */
  ordersVsPgbenchBatched: number;
  /** Suite order p99 ÷ pgbench -M prepared p99. */
  p99VsPgbenchPrepared: number;
  /**
   * PostgreSQL CPU-ms per order under pgbench -M prepared ÷ the suite's CPU-ms per order (apps and
   * both databases' backends): the throughput ratio to expect where both are CPU-bound on the same
   * cores. CPU per order barely moves with other load on a shared machine, so this is the steadier
   * of the ratios.
   */
  serverCpuVsPgbenchPrepared: number;
}

export interface BenchResult {
  schema: 1;
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  commit: CommitInfo;
  options: Omit<BenchOptions, 'isRecorded'>;
  machine: MachineInfo & { loadAverageAtEnd: number };
  figures: {
    pgbenchBaseline: FigureResult<PgbenchBaseline>;
    orderWrites: FigureResult<OrderWrites>;
    readsDatabase: FigureResult<Reads>;
    readsCache: FigureResult<Reads>;
    failoverGap: FigureResult<FailoverGap>;
    replay: FigureResult<Replay>;
    footprint: FigureResult<Footprint>;
  };
  ratios: FigureResult<Ratios>;
  goals: GoalRow[];
  /** With BENCH_CPU_PROF=1: where each app's CPU time went. */
  profiles?: ProfileSummary[];
}

export type FigureName = keyof BenchResult['figures'];
