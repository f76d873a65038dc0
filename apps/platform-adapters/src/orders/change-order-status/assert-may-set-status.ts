import { AppError, Caller, OrderStatus } from '@karmabot/contracts';
import { MERCHANT_ONLY_STATUSES } from './merchant-only-statuses';

export function assertMaySetStatus(caller: Caller, status: OrderStatus): void {
  if (!MERCHANT_ONLY_STATUSES.includes(status)) return;
  if (caller.kind === 'admin' || caller.scopes.includes('merchant')) return;
  throw new AppError(
    'FORBIDDEN',
    `Moving an order to ${status} needs the admin token or a key with the merchant scope`,
  );
}
