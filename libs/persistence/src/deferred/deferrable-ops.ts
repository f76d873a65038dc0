import { AppError, Op, OpType } from '@karmabot/contracts';
import { storeUnavailable } from '../failover/store-unavailable';

/**
 * What CACHE_ONLY may queue (issue 4, Precisions): ops whose decision does not depend on rows
 * only a store can check. A Telegram registration qualifies because its customer id derives
 * from the identity; a mode event is the system's own. Everything else needs a live store:
 * email uniqueness, linking and merging, points (a true balance), keys and link codes.
 */
const DEFERRABLE: ReadonlySet<OpType> = new Set<OpType>([
  'order.place',
  'order.status_change',
  'customer.update_profile',
  'customer.register_telegram',
  'mode_event.record',
]);

/** Why `op` cannot be queued (503 + Retry-After), or null when it can. */
export function refusalToQueue(op: Op): AppError | null {
  if (!DEFERRABLE.has(op.type)) {
    return storeUnavailable(
      `No database is reachable and ${op.type} needs one (it cannot be queued); retry shortly`,
    );
  }
  if (isRedemption(op)) {
    return storeUnavailable('Redeeming points needs the true balance, which no reachable database holds now');
  }
  return null;
}

/** A redemption is refused while the store taking writes may lack the latest ledger entries. */
export function isRedemption(op: Op): boolean {
  return op.type === 'order.place' && Number((op as Op<'order.place'>).payload.redeemPoints ?? 0) > 0;
}
