import { v5 as uuidv5, validate } from 'uuid';

/**
 * The id of a row an op creates (`order`, `ledger:0`, `link_code`…), derived from the op so
 * applying the op on either store, or again after a crash, creates the same rows, and a
 * duplicate is caught by the primary key instead of by luck.
 */
export function deriveId(opId: string, label: string): string {
  if (!validate(opId)) throw new RangeError(`opId must be a UUID, got ${JSON.stringify(opId)}`);
  if (label === '') throw new RangeError('label must not be empty');
  return uuidv5(label, opId);
}
