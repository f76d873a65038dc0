import { Op, OpType } from '@karmabot/contracts';
import { OpResults } from '../ops/op-results';
import { Store } from '../store/store';

/** Test fixture: applies `op`, fails the test with the error when it was not applied, returns the result. */
export async function applied<T extends OpType>(store: Store, op: Op<T>): Promise<OpResults[T]> {
  const outcome = await store.applyOp(op);
  if (outcome.state !== 'applied') {
    throw new Error(`${op.type} was ${outcome.state}: ${JSON.stringify(outcome.error)}`);
  }
  return outcome.result as OpResults[T];
}
