import { Inject, Injectable, Logger } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { PRIMARY_STORE, Store } from '@karmabot/persistence';
import { StoreProbe } from './store-probe';

/**
 * Probes the primary database: for /readyz and for `store.status`. Remembers the last failure
 * (and logs each change between up and down once, not every probe) so an operator sees why it
 * was down even after it came back.
 */
@Injectable()
export class PrimaryStoreHealth {
  private readonly logger = new Logger(PrimaryStoreHealth.name);
  private lastError: string | null = null;
  private wasUp: boolean | null = null;

  constructor(@Inject(PRIMARY_STORE) private readonly store: Store) {}

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

  /** The readiness check: this app cannot serve without its primary store (until failover exists). */
  async check(): Promise<HealthIndicatorResult> {
    const probe = await this.probe();
    return probe.up
      ? { primary_db: { status: 'up', latency_ms: probe.latencyMs } }
      : { primary_db: { status: 'down', message: probe.lastError } };
  }

  private noteChange(isUp: boolean): void {
    if (this.wasUp === isUp) return;
    if (isUp) this.logger.log({ msg: 'store.up', store: 'primary' });
    else this.logger.warn({ msg: 'store.down', store: 'primary', error: this.lastError });
    this.wasUp = isUp;
  }
}
