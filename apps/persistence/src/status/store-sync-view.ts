/** The answer to `store.sync` (POST /v1/admin/sync): what reconciliation copied, and how long it took. */
export interface StoreSyncView {
  copied: { toBackup: number; toPrimary: number };
  note: string;
  tookMs: number;
}
