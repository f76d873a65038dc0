import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Patterns } from '@karmabot/contracts';
import { PrimaryStoreHealth } from '../store/primary-store.health';
import { StoreStatusView } from './store-status-view';
import { StoreSyncView } from './store-sync-view';

/**
 * The store mode and a reconciliation run, for the admin routes and the monitor. With no backup
 * store yet the mode is always POSTGRESQL_ONLY and there is nothing to reconcile; the answers
 * already have the shape the failover work will fill in.
 */
@Controller()
export class StoreStatusHandler {
  constructor(private readonly primary: PrimaryStoreHealth) {}

  @MessagePattern(Patterns.store.status)
  async status(): Promise<StoreStatusView> {
    return { primary: await this.primary.probe(), mode: 'POSTGRESQL_ONLY' };
  }

  @MessagePattern(Patterns.store.sync)
  sync(): StoreSyncView {
    const started = performance.now();
    return {
      copied: { toBackup: 0, toPrimary: 0 },
      note: 'backup store not configured yet: the primary is the only store',
      tookMs: Math.round(performance.now() - started),
    };
  }
}
