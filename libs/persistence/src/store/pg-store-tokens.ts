/**
 * The two databases themselves, as PgStores, for what must address one store in particular
 * (replication, reconciliation, probes). Handlers read and write through {@link STORE}, which is
 * the primary today and the failover repository once it routes between them.
 */
export const PRIMARY_STORE = Symbol('PRIMARY_STORE');
export const BACKUP_STORE = Symbol('BACKUP_STORE');
