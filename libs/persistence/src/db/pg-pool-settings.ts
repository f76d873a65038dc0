import { StoreName } from '@karmabot/contracts';

/** How the persistence app talks to one store; every number comes from the config schema. */
export interface PgPoolSettings {
  url: string;
  /** DB_POOL_SIZE */
  poolSize: number;
  /** DB_CONNECT_TIMEOUT_MS */
  connectTimeoutMs: number;
  /** DB_STATEMENT_TIMEOUT_MS */
  statementTimeoutMs: number;
  /** Shown in pg_stat_activity, so an operator can tell which app holds a lock. */
  applicationName?: string;
  /**
   * Which store this database is; every session states it (`karma.store`), so an op inserted
   * on it is labelled with the store that decided it (`ops.origin`) whatever code inserts it.
   */
  storeName?: StoreName;
}
