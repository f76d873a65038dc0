import { AppError, OpOutcome } from '@karmabot/contracts';

/**
 * Passes an applied or queued outcome on and raises a rejected one as the error the client
 * should see (e.g. API_KEY_NOT_FOUND), so the gateway maps one shape only.
 */
export function appliedOrQueued<R>(outcome: OpOutcome<R>): OpOutcome<R> {
  if (outcome.state !== 'rejected') return outcome;
  throw outcome.error
    ? AppError.fromJSON(outcome.error)
    : new AppError('INTERNAL', `op ${outcome.opId} was rejected without a reason`);
}
