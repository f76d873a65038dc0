import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { AppError } from '@karmabot/contracts';
import { Replicator } from '@karmabot/persistence';

/** The first run comes soon after start: a restart after an outage reconciles at once. */
const FIRST_RUN_AFTER_MS = 5_000;

/**
 * Reconciles the two stores every RECONCILE_INTERVAL_MS (0: never): copies what either lacks,
 * retries ops that could not apply, flags negative balances. A run while a store is down is
 * skipped with one log line per change; runs never overlap. Conflicts stay unreported for
 * `store.sync` (POST /v1/admin/sync) to list; each was logged as an alert when found.
 */
@Injectable()
export class ReconcileJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconcileJob.name);
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> | null = null;
  private lastSkipReason: string | null = null;

  constructor(
    private readonly replicator: Replicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.RECONCILE_INTERVAL_MS;
    if (every === 0 || this.config.BACKUP_DATABASE_URL === this.config.DATABASE_URL) return;
    this.timers = [
      setTimeout(() => void this.run(), Math.min(FIRST_RUN_AFTER_MS, every)).unref(),
      setInterval(() => void this.run(), every).unref(),
    ];
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await this.running;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = this.replicator
      .reconcile()
      .then(() => {
        this.lastSkipReason = null;
      })
      .catch((error: unknown) => {
        const reason = error instanceof AppError ? error.code : (error as Error).message;
        if (reason !== this.lastSkipReason) {
          this.logger.warn({ msg: 'reconcile.skipped', reason, error: (error as Error).message });
        }
        this.lastSkipReason = reason;
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }
}
