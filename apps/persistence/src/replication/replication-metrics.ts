import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '@karmabot/common';
import { ApplyReport, ReplicationStream, Replicator } from '@karmabot/persistence';

/** The replicator the gauges read at scrape time (one per process; set by ReplicationRunner). */
let observed: Replicator | null = null;

export function observeReplicator(replicator: Replicator | null): void {
  observed = replicator;
}

const directions = () => (observed ? [observed.toBackup.health(), observed.toPrimary.health()] : []);

/** Ops decided by `from` that `to` does not hold yet, as last measured (about once a second). */
export const replicationLagOps = new Gauge({
  name: 'karmabot_replication_lag_ops',
  help: 'Ops one store decided that the other does not hold yet',
  labelNames: ['from', 'to'] as const,
  registers: [metricsRegistry],
  collect() {
    for (const stream of directions()) {
      if (stream.lag) this.set({ from: stream.from, to: stream.to }, stream.lag.ops);
    }
  },
});

export const replicationLagSeconds = new Gauge({
  name: 'karmabot_replication_lag_seconds',
  help: 'Age of the oldest op one store decided that the other does not hold yet (0 when none)',
  labelNames: ['from', 'to'] as const,
  registers: [metricsRegistry],
  collect() {
    for (const stream of directions()) {
      if (stream.lag) this.set({ from: stream.from, to: stream.to }, stream.lag.seconds);
    }
  },
});

export const replicationFlowing = new Gauge({
  name: 'karmabot_replication_flowing',
  help: '1 while a direction copies (both stores answer), 0 while it is stalled',
  labelNames: ['from', 'to'] as const,
  registers: [metricsRegistry],
  collect() {
    for (const stream of directions())
      this.set({ from: stream.from, to: stream.to }, stream.isFlowing ? 1 : 0);
  },
});

export const replicationCopied = new Counter({
  name: 'karmabot_replication_copied_total',
  help: 'Ops copied from one store to the other by the replicator',
  labelNames: ['from', 'to'] as const,
  registers: [metricsRegistry],
});

export const replicationConflicts = new Counter({
  name: 'karmabot_replication_conflicts_total',
  help: 'Conflicts the replicator recorded, by reason (decided_differently, concurrent_update, cannot_apply)',
  labelNames: ['from', 'to', 'reason'] as const,
  registers: [metricsRegistry],
});

/** Counts one applied batch. */
export function countBatch(stream: ReplicationStream, report: ApplyReport): void {
  if (report.copied) replicationCopied.inc({ from: stream.from, to: stream.to }, report.copied);
  for (const conflict of report.conflicts) {
    replicationConflicts.inc({ from: stream.from, to: stream.to, reason: conflict.reason });
  }
}
