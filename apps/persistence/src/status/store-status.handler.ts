import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { Patterns } from '@karmabot/contracts';
import { Replicator, StreamHealth } from '@karmabot/persistence';
import { FailoverStatus } from '../failover/failover-status';
import { DirectionStatusView } from '../replication/replication-status-view';
import { ReplicationRunner } from '../replication/replication-runner';
import { StoreStatusView } from './store-status-view';
import { StoreSyncView } from './store-sync-view';

/**
 * The stores, replication and a reconciliation run, for the admin routes and the monitor: the
 * failover runtime's view (mode, each store's breaker, queues, cache, last mode changes) with
 * the replication streams.
 */
@Controller()
export class StoreStatusHandler {
  constructor(
    private readonly failover: FailoverStatus,
    private readonly replicator: Replicator,
    private readonly runner: ReplicationRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @MessagePattern(Patterns.store.status)
  async status(): Promise<StoreStatusView> {
    const health = this.replicator.health();
    return {
      ...(await this.failover.view()),
      replication: {
        enabled: this.runner.isEnabled,
        writeConcern: this.config.WRITE_CONCERN,
        toBackup: directionView(health.toBackup),
        toPrimary: directionView(health.toPrimary),
      },
    };
  }

  /** Reconciles both ways now; a store that cannot be reached fails it with STORE_UNAVAILABLE (503). */
  @MessagePattern(Patterns.store.sync)
  sync(): Promise<StoreSyncView> {
    return this.replicator.reconcile({ report: true });
  }
}

function directionView(stream: StreamHealth): DirectionStatusView {
  return {
    flowing: stream.isFlowing,
    lagOps: stream.lag?.ops ?? null,
    lagSeconds: stream.lag?.seconds ?? null,
    lagMeasuredAt: stream.lagMeasuredAt,
    position: stream.position,
    copiedSinceStart: stream.copiedSinceStart,
    lastError: stream.lastError,
  };
}
