import { migrateDatabase } from '@karmabot/persistence';
import { PgCluster, PgClusterOptions, startPgCluster } from './pg-cluster';

export interface StoreClusters {
  primary: PgCluster;
  backup: PgCluster;
  /** The migrated `karmabot` database on each cluster. */
  primaryUrl: string;
  backupUrl: string;
  destroy(): Promise<void>;
}

/**
 * The two stores on PostgreSQL clusters of their own, so a test can crash either for real
 * (`pg_ctl stop -m immediate`) and start it again; both migrated as production is.
 */
export async function startStoreClusters(options: PgClusterOptions = {}): Promise<StoreClusters> {
  const started = await Promise.allSettled([startPgCluster(options), startPgCluster(options)]);
  const clusters = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const destroy = async () => {
    await Promise.all(clusters.map((cluster) => cluster.destroy().catch(() => undefined)));
  };
  try {
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [primary, backup] = clusters;
    const primaryUrl = primary.url('karmabot');
    const backupUrl = backup.url('karmabot_backup');
    await Promise.all([migrateDatabase(primaryUrl), migrateDatabase(backupUrl)]);
    return { primary, backup, primaryUrl, backupUrl, destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}
