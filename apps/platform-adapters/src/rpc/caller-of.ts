import { AppError, Caller, RpcMeta } from '@karmabot/contracts';

/**
 * The principal the gateway authenticated. Every use case needs it (op actor, scope rules), so a
 * message without one is refused rather than served as nobody.
 */
export function callerOf(meta: RpcMeta): Caller {
  if (!meta?.caller) throw new AppError('UNAUTHENTICATED', 'The request carries no authenticated caller');
  return meta.caller;
}
