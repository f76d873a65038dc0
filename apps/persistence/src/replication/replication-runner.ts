import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { Replicator } from '@karmabot/persistence';
import { observeReplicator } from './replication-metrics';

/**
 * Runs both replication directions for the life of the app. They stop before the pools close
 * (beforeApplicationShutdown comes before the StoreCloser's onApplicationShutdown), so a batch in
 * flight either commits with its position or rolls back; a SIGKILL is the same as the latter.
 */
@Injectable()
export class ReplicationRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReplicationRunner.name);

  constructor(
    private readonly replicator: Replicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Replication needs two databases: one URL for both means there is nothing to copy. */
  get isEnabled(): boolean {
    return this.config.BACKUP_DATABASE_URL !== this.config.DATABASE_URL;
  }

  onApplicationBootstrap(): void {
    if (!this.isEnabled) {
      this.logger.warn({ msg: 'replication.off', reason: 'BACKUP_DATABASE_URL is DATABASE_URL' });
      return;
    }
    observeReplicator(this.replicator);
    this.replicator.start();
    this.logger.log({ msg: 'replication.started', batch_size: this.config.REPLICATION_BATCH_SIZE });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.replicator.stop();
    observeReplicator(null);
  }
}
