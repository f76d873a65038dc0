import { StoreName } from '@karmabot/contracts';
import { StoredConflict } from './conflict-view';
import { NegativeBalance } from './replication-endpoint';

/** What one reconciliation run did: the answer of `store.sync` (POST /v1/admin/sync). */
export interface ReconcileReport {
  copied: { toBackup: number; toPrimary: number };
  /** Conflicts recorded on either store since they were last reported (this run's included). */
  conflicts: StoredConflict[];
  /** Balances below zero, which a split can cause: for an operator to settle. */
  negativeBalances: (NegativeBalance & { store: StoreName })[];
  tookMs: number;
}
