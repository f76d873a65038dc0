import { StoreProbe } from '../store/store-probe';

/** The answer to `store.status`. Only the primary exists until the backup store is added. */
export interface StoreStatusView {
  primary: StoreProbe;
  mode: 'POSTGRESQL_ONLY';
}
