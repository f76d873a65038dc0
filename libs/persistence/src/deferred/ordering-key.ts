import { Op } from '@karmabot/contracts';
import { customerIdForIdentity } from '@karmabot/domain';

/** What the caller knows about rows the op names (from the read cache and the queue itself). */
export interface OwnerLookup {
  customerOfOrder(orderId: string): string | undefined;
  customerOfIdentity(platform: string, externalId: string): string | undefined;
}

/**
 * The key under which queued ops replay strictly in order: the customer the op acts on. An
 * order's status change joins its customer's line when the order's owner is known, else the
 * order's own line; a mode event has the system's.
 */
export function orderingKeyOf(op: Op, owners: OwnerLookup): string {
  const payload = op.payload as Record<string, unknown>;
  switch (op.type) {
    case 'order.place':
    case 'customer.update_profile':
      return `customer:${String(payload.customerId)}`;
    case 'customer.link_telegram':
      // Linked from the Telegram side, the payload names the sender, not a customer.
      return typeof payload.customerId === 'string'
        ? `customer:${payload.customerId}`
        : telegramLine(String(payload.telegramId), owners);
    case 'customer.register_telegram':
      return telegramLine(String(payload.telegramId), owners);
    case 'order.status_change': {
      const orderId = String(payload.orderId);
      const owner = owners.customerOfOrder(orderId);
      return owner ? `customer:${owner}` : `order:${orderId}`;
    }
    default:
      return `system:${op.type}`;
  }
}

/** The line of whoever owns a Telegram account: its customer, or the one its registration will mint. */
function telegramLine(telegramId: string, owners: OwnerLookup): string {
  const owner =
    owners.customerOfIdentity('telegram', telegramId) ?? customerIdForIdentity('telegram', telegramId);
  return `customer:${owner}`;
}
