import { AppError, Caller } from '@karmabot/contracts';

/** Key management is admin-only; checked here too, so no other path into the pattern can skip it. */
export function assertAdminCaller(caller: Caller): void {
  if (caller.kind !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin may manage API keys');
}
