import { WriteMeta } from '@karmabot/contracts';
import { WriteContext } from '../idempotency/write-context';

/** What of a write's context travels in a command; the caller rides in the RPC envelope instead. */
export function writeMetaOf(write: WriteContext): WriteMeta {
  return { opId: write.opId, requestHash: write.requestHash };
}
