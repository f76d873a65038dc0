import { ReconcileReport } from '@karmabot/persistence';

/** The answer to `store.sync` (POST /v1/admin/sync): what reconciliation copied each way, what it found, how long it took. */
export type StoreSyncView = ReconcileReport;
