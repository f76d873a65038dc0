import { OpOutcome } from '@karmabot/contracts';
import { OpRow } from '../rows/op-row';

/** The outcome an op decided, as stored; a replay answers with exactly this. */
export function toOpOutcome(row: OpRow, replayed: boolean): OpOutcome {
  const outcome: OpOutcome = {
    opId: row.op_id,
    type: row.type,
    state: row.state,
    replayed,
    at: row.at.toISOString(),
  };
  if (row.state === 'applied') outcome.result = row.result;
  else if (row.error) outcome.error = row.error;
  return outcome;
}
