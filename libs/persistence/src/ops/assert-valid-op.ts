import { AppError, Op, OP_TYPES } from '@karmabot/contracts';
import { isUuid } from '../db/is-uuid';

/**
 * The envelope of an op, checked before anything is written: these fields key the op log, so
 * a malformed one is refused outright (not recorded). Payloads are checked by their handlers.
 */
export function assertValidOp(op: Op): void {
  const problems: { field: string; message: string }[] = [];
  if (!isUuid(op?.opId)) problems.push({ field: 'op_id', message: 'must be a UUID' });
  if (!(OP_TYPES as readonly string[]).includes(op?.type))
    problems.push({ field: 'type', message: 'is not an op type' });
  if (typeof op?.at !== 'string' || Number.isNaN(Date.parse(op.at))) {
    problems.push({ field: 'at', message: 'must be an ISO-8601 time' });
  }
  if (typeof op?.requestHash !== 'string' || op.requestHash === '') {
    problems.push({ field: 'request_hash', message: 'must be a non-empty string' });
  }
  if (typeof op?.actor !== 'string' || typeof op?.platform !== 'string') {
    problems.push({ field: 'actor', message: 'actor and platform must be strings' });
  }
  if (typeof op?.payload !== 'object' || op.payload === null) {
    problems.push({ field: 'payload', message: 'must be an object' });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'Malformed op', problems);
}
