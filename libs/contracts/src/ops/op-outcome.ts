import { SerializedAppError } from '../errors/app-error';
import { OpType } from './op-types';

export type OpState = 'applied' | 'rejected' | 'queued';

/**
 * What applying an op decided. A replay returns the stored outcome with `replayed: true`,
 * so the client sees the first answer again.
 */
export interface OpOutcome<R = unknown> {
  opId: string;
  type: OpType;
  state: OpState;
  replayed: boolean;
  /** Set when applied: the effect, e.g. `{ created: true, customer }`. */
  result?: R;
  /** Set when rejected: why, as the client saw it. */
  error?: SerializedAppError;
  at: string;
  /**
   * Set with WRITE_CONCERN=both: whether the other store held the op when it was answered. False
   * means it is stored on one store only for now (the other is down or behind); replication copies it later.
   */
  replicated?: boolean;
}
