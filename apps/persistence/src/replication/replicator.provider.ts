import { Logger, Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { BACKUP_STORE, PgStore, PRIMARY_STORE, Replicator } from '@karmabot/persistence';
import { countBatch } from './replication-metrics';

/** Pause before a stalled direction tries again (a store is down). */
const RETRY_MS = 1000;

/**
 * The replicator between the two PgStores, configured from the schema. Provided as the class
 * itself (inject `Replicator`) and as CATCH_UP for the mode machine.
 */
export const replicatorProvider: Provider = {
  provide: Replicator,
  inject: [APP_CONFIG, PRIMARY_STORE, BACKUP_STORE],
  useFactory: (config: AppConfig, primary: PgStore, backup: PgStore): Replicator => {
    const logger = new Logger('Replicator');
    return new Replicator(
      { primary: primary.replication, backup: backup.replication },
      {
        batchSize: config.REPLICATION_BATCH_SIZE,
        idlePollMs: config.REPLICATION_POLL_MS,
        retryMs: Math.max(RETRY_MS, config.PROBE_INTERVAL_MS),
        reconcileSafetyWindowMs: config.RECONCILE_SAFETY_WINDOW_MS,
        log: {
          log: (line) => logger.log(line),
          warn: (line) => logger.warn(line),
          error: (line) => logger.error(line),
        },
        onBatch: countBatch,
      },
    );
  },
};
