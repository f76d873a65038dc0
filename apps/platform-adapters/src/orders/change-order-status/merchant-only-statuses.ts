import { OrderStatus } from '@karmabot/contracts';

/**
 * Moves that settle money. A customer-facing key must never be able to mark its own order paid
 * (and earn its points), so these need the admin token or a `merchant` key; any platform key
 * may still cancel.
 */
export const MERCHANT_ONLY_STATUSES: readonly OrderStatus[] = ['paid', 'fulfilled', 'refunded'];
