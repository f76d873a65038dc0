import { Platform } from '../platforms';
import { OpPayloads, OpType } from './op-types';

/**
 * A write, as persistence applies it. `opId` is derived from the caller and its
 * Idempotency-Key (or minted), `requestHash` detects the same key reused for another body.
 */
export interface Op<T extends OpType = OpType> {
  opId: string;
  type: T;
  payload: OpPayloads[T];
  /** Who asked: `admin`, an API key id, or `system`. */
  actor: string;
  platform: Platform | 'admin' | 'system';
  /** ISO-8601 time the op was accepted; the order in which deferred ops replay. */
  at: string;
  requestHash: string;
}
