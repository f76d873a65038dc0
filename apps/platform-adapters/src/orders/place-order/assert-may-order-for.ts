import { AppError, Caller, Platform } from '@karmabot/contracts';

/**
 * A key acts only for the platforms it is scoped to, so an order is attributed to `platform`
 * only by a key holding that scope: a partner key places partner orders and nothing else.
 */
export function assertMayOrderFor(caller: Caller, platform: Platform): void {
  if (caller.kind === 'admin' || caller.scopes.includes(platform)) return;
  throw new AppError(
    'FORBIDDEN',
    `This API key has no "${platform}" scope, so it cannot place ${platform} orders`,
  );
}
