import { CustomerView, LoyaltySummaryView, Op, OrderView } from '@karmabot/contracts';
import {
  canTransitionOrder,
  computeOrderTotal,
  customerIdForIdentity,
  deriveId,
  pointsEarnedFor,
  tierFor,
} from '@karmabot/domain';

/**
 * Cached reads with the ops still queued for them laid over (issue 4: "cached reads overlay
 * queued ops so a client reads its own writes"). Each function replays, in queue order, what
 * the ops would change, the way the op handlers decide it; an op that would be refused (a stale
 * If-Match, an impossible transition) is left out, as its replay will refuse it.
 */
export const QueuedOverlay = {
  customer(base: CustomerView | null, ops: readonly Op[], customerId: string): CustomerView | null {
    let view = base ? structuredClone(base) : null;
    for (const op of ops) {
      if (op.type === 'customer.register_telegram') {
        const { telegramId, username, firstName, languageCode } = (op as Op<'customer.register_telegram'>)
          .payload;
        if (!view) {
          if (customerIdForIdentity('telegram', telegramId) !== customerId) continue;
          view = {
            id: customerId,
            displayName: firstName ?? null,
            email: null,
            phone: null,
            locale: languageCode ?? null,
            version: 1,
            mergedInto: null,
            identities: [
              { platform: 'telegram', externalId: telegramId, username: username ?? null, linkedAt: op.at },
            ],
            createdAt: op.at,
            updatedAt: op.at,
          };
          continue;
        }
        const identity = view.identities.find(
          (i) => i.platform === 'telegram' && i.externalId === telegramId,
        );
        if (identity && username !== undefined) identity.username = username;
        view = changed(
          view,
          { displayName: view.displayName ?? firstName, locale: view.locale ?? languageCode },
          op.at,
        );
      } else if (op.type === 'customer.update_profile' && view) {
        const { expectedVersion, changes } = (op as Op<'customer.update_profile'>).payload;
        if (expectedVersion !== undefined && expectedVersion !== view.version) continue;
        view = changed(view, changes ?? {}, op.at);
      }
    }
    return view;
  },

  order(base: OrderView | null, ops: readonly Op[], orderId: string): OrderView | null {
    let view = base ? structuredClone(base) : null;
    for (const op of ops) {
      if (op.type === 'order.place' && !view && deriveId(op.opId, 'order') === orderId) {
        view = placedOrder(op as Op<'order.place'>, orderId);
      } else if (op.type === 'order.status_change' && view) {
        const { orderId: target, status } = (op as Op<'order.status_change'>).payload;
        if (target !== orderId || !canTransitionOrder(view.status, status)) continue;
        view = { ...view, status, updatedAt: later(view.updatedAt, op.at) };
      }
    }
    return view;
  },

  /** Pending points of orders placed while queued; the rest needs the true ledger. */
  loyalty(base: LoyaltySummaryView, ops: readonly Op[]): LoyaltySummaryView {
    let pending = base.pending;
    for (const op of ops) {
      if (op.type !== 'order.place') continue;
      const order = placedOrder(op as Op<'order.place'>, deriveId(op.opId, 'order'));
      if (order.customerId === base.customerId) pending += order.pointsEarned;
    }
    return { ...base, pending, tier: tierFor(base.lifetimeEarned) };
  },
};

function changed(
  view: CustomerView,
  changes: { displayName?: string | null; phone?: string | null; locale?: string | null },
  at: string,
): CustomerView {
  let isChanged = false;
  const next = { ...view };
  for (const field of ['displayName', 'phone', 'locale'] as const) {
    const value = changes[field];
    if (value !== undefined && value !== view[field]) {
      next[field] = value;
      isChanged = true;
    }
  }
  if (!isChanged) return view;
  return { ...next, version: view.version + 1, updatedAt: later(view.updatedAt, at) };
}

function placedOrder(op: Op<'order.place'>, orderId: string): OrderView {
  const { customerId, platform, partnerId, items, currency, pointsPerUnit } = op.payload;
  const subtotalMinor = computeOrderTotal(items);
  return {
    id: orderId,
    customerId,
    platform,
    partnerId: partnerId ?? null,
    status: 'pending',
    currency,
    items: items.map(({ sku, name, qty, unitPriceMinor }) => ({ sku, name, qty, unitPriceMinor })),
    subtotalMinor,
    // Redemptions are never queued, so nothing is discounted.
    discountMinor: 0,
    totalMinor: subtotalMinor,
    pointsEarned: pointsEarnedFor(subtotalMinor, currency, pointsPerUnit),
    pointsRedeemed: 0,
    opId: op.opId,
    createdAt: op.at,
    updatedAt: op.at,
  };
}

function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}
