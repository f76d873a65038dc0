import { Injectable } from '@nestjs/common';
import { BreakerSnapshot } from '@karmabot/persistence/failover/circuit-breaker';
import { StoreStatusView, StoreView } from '../status/store-status-view';
import { FailoverRuntime } from './failover-runtime';

/** Builds the answer to `store.status` from the failover runtime (one Redis round trip or three). */
@Injectable()
export class FailoverStatus {
  constructor(private readonly runtime: FailoverRuntime) {}

  async view(): Promise<StoreStatusView> {
    const { machine, queue, cache, gate, worker, batcher } = this.runtime;
    const snapshot = machine.snapshot();
    const [queueStats, history, holder] = await Promise.all([
      queue.stats().catch(() => null),
      this.runtime.history(),
      this.runtime.leaderHolder(),
    ]);
    const redis = this.runtime.redisDurability();
    return {
      mode: snapshot.mode,
      primary: storeView(snapshot.breakers.primary),
      backup: storeView(snapshot.breakers.backup),
      leader: {
        isLeader: snapshot.isLeader,
        holder,
        self: this.runtime.holder,
        fencingToken: this.runtime.lease.token,
      },
      switching: snapshot.isSwitching,
      writes: {
        paused: gate.isPaused,
        inFlight: gate.writesInFlight,
        heldMsTotal: Math.round(gate.totalHeldMs),
      },
      queues: {
        deferred: queueStats?.depth ?? null,
        parked: queueStats?.parked ?? null,
        failed: queueStats?.failed ?? null,
        oldestQueuedAgeSeconds: queueStats?.oldestAgeSeconds ?? null,
        replayTarget: worker.replayTarget,
        replayedSinceStart: batcher.decided,
      },
      replicationLag: this.runtime.replicationLag(),
      cache: cache.stats(),
      redis: {
        isDurable: redis?.isDurable ?? false,
        allowsVolatileQueue: this.runtime.allowsVolatileQueue,
        problems: redis?.problems ?? ['not checked yet'],
      },
      lastModeChanges: history,
    };
  }
}

function storeView(breaker: BreakerSnapshot): StoreView {
  return {
    up: breaker.state === 'closed',
    state: breaker.state,
    breaker: breaker.state,
    latencyMs: breaker.latencyMs,
    lastError: breaker.lastError,
    lastErrorAt: breaker.lastErrorAt,
    lastProbeAt: breaker.lastProbeAt,
    healthyProbes: breaker.healthyProbes,
    since: breaker.since,
  };
}
