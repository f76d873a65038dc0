import { AppError, BREAKER_STATES, ModeEventView, STORE_MODES } from '@karmabot/contracts';
import { deriveId } from '@karmabot/domain';
import { OpHandler } from '../op-handler';

/**
 * Records one change of the store mode in `mode_events`. The row's id derives from the op, so the
 * copy replication makes on the other store is the same row.
 */
export const recordModeEvent: OpHandler<'mode_event.record'> = async (tx, op) => {
  const { from, to, reason, primaryState, backupState, decidedBy, fencingToken } = op.payload;
  const isMode = (value: unknown) => (STORE_MODES as readonly unknown[]).includes(value);
  const isState = (value: unknown) => (BREAKER_STATES as readonly unknown[]).includes(value);
  if (!isMode(to) || (from !== null && !isMode(from)) || !isState(primaryState) || !isState(backupState)) {
    throw new AppError('VALIDATION_FAILED', 'Malformed mode event', [
      { field: 'payload', message: 'from/to must be store modes and the states breaker states' },
    ]);
  }
  const event: ModeEventView = {
    id: deriveId(op.opId, 'mode_event'),
    at: op.at,
    from,
    to,
    reason: String(reason),
    primaryState,
    backupState,
    decidedBy: String(decidedBy),
    fencingToken: Number(fencingToken),
  };
  await tx.query(
    `INSERT INTO mode_events
       (id, op_id, at, from_mode, to_mode, reason, primary_state, backup_state, decided_by, fencing_token)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      event.id,
      op.opId,
      event.at,
      event.from,
      event.to,
      event.reason,
      event.primaryState,
      event.backupState,
      event.decidedBy,
      event.fencingToken,
    ],
  );
  return event;
};
