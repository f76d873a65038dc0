import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { STORE, Store } from '@karmabot/persistence';

const HOUR_MS = 60 * 60 * 1000;
/** First run soon after start, so a process restarted often still prunes. */
const FIRST_RUN_AFTER_MS = 30_000;

/**
 * Deletes ops older than IDEMPOTENCY_RETENTION_DAYS, hourly. The ops log is the idempotency
 * record and the replay source for a bounded window only: after it, a reused Idempotency-Key
 * applies as a new op. The effects stay in their tables. The timers are unref'd so they never
 * keep the process alive; a failed run is logged and retried at the next tick.
 */
@Injectable()
export class OpsRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OpsRetentionJob.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(STORE) private readonly store: Store,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timers = [
      setTimeout(() => void this.prune(), FIRST_RUN_AFTER_MS).unref(),
      setInterval(() => void this.prune(), HOUR_MS).unref(),
    ];
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** One pruning pass; resolves with how many ops went (0 when the store is down). */
  async prune(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.IDEMPOTENCY_RETENTION_DAYS * 24 * HOUR_MS);
    try {
      const deleted = await this.store.pruneOps(before);
      this.logger.log({ msg: 'ops.pruned', deleted, before: before.toISOString() });
      return deleted;
    } catch (error) {
      this.logger.warn({ msg: 'ops.prune_failed', error: (error as Error).message });
      return 0;
    }
  }
}
