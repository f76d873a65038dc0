import { Op, SerializedAppError } from '@karmabot/contracts';
import { Store } from '../store/store';

/** Test fixture: applies `op`, fails the test unless it was rejected, returns the recorded error. */
export async function rejectionOf(store: Store, op: Op): Promise<SerializedAppError> {
  const outcome = await store.applyOp(op);
  if (outcome.state !== 'rejected' || !outcome.error) {
    throw new Error(
      `${op.type} was ${outcome.state}, expected a rejection: ${JSON.stringify(outcome.result)}`,
    );
  }
  return outcome.error;
}
