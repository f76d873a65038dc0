import { BreakerState, StoreMode } from './store-mode';

/** One change of the store mode, as stored in `mode_events` and published on `mode.changed`. */
export interface ModeEventView {
  id: string;
  at: string;
  /** null for the first mode a leader announces. */
  from: StoreMode | null;
  to: StoreMode;
  reason: string;
  primaryState: BreakerState;
  backupState: BreakerState;
  /** The persistence process that decided it (the lease holder). */
  decidedBy: string;
  /** The lease's fencing token: a larger one wins over any event of an older leader. */
  fencingToken: number;
}
