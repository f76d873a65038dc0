import { AppError } from '@karmabot/contracts';

/**
 * Whether an error thrown by an op handler is a decision to record: a rule said no (4xx),
 * and a replay must give the same answer. A missing customer or order is not one (nothing
 * was decided; retried once the row exists the op may apply), nor is an outage (5xx).
 */
export function isDecidedRejection(error: unknown): error is AppError {
  return (
    error instanceof AppError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.code !== 'NOT_FOUND' &&
    !error.code.endsWith('_NOT_FOUND')
  );
}
