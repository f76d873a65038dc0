import { Inject, Injectable, Logger } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { BACKUP_STORE, Store } from '@karmabot/persistence';
import { StoreProbe } from './store-probe';

/**
 * Probes the backup database, for `store.status` and /readyz. Unlike the primary's, its check
 * never makes the app unready: persistence serves while one store is up, so /readyz shows the
 * backup (`reachable`) without failing on it. Each change between up and down is logged once.
 */
@Injectable()
export class BackupStoreHealth {
  private readonly logger = new Logger(BackupStoreHealth.name);
  private lastError: string | null = null;
  private wasUp: boolean | null = null;

  constructor(@Inject(BACKUP_STORE) private readonly store: Store) {}

  async probe(): Promise<StoreProbe> {
    try {
      const latencyMs = await this.store.ping();
      this.noteChange(true);
      return { up: true, latencyMs, lastError: this.lastError };
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.noteChange(false);
      return { up: false, latencyMs: null, lastError: this.lastError };
    }
  }

  /** Always `status: up` (this app stays ready); `reachable` says whether the backup answered. */
  async check(): Promise<HealthIndicatorResult> {
    const probe = await this.probe();
    return probe.up
      ? { backup_db: { status: 'up', reachable: true, latency_ms: probe.latencyMs } }
      : { backup_db: { status: 'up', reachable: false, message: probe.lastError } };
  }

  private noteChange(isUp: boolean): void {
    if (this.wasUp === isUp) return;
    if (isUp) this.logger.log({ msg: 'store.up', store: 'backup' });
    else this.logger.warn({ msg: 'store.down', store: 'backup', error: this.lastError });
    this.wasUp = isUp;
  }
}
