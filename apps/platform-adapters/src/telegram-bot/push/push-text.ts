import { BotMessages } from '../i18n/bot-messages';
import { formatMoney } from '../i18n/format-money';
import { shortId } from '../replies/short-id';
import { PushJob, PushedOrder } from './push-job';

/** The text of one push in the chat's language; `balance` is appended when it could be read. */
export function pushText(
  job: PushJob,
  t: BotMessages,
  balance: { balance: number; pending: number } | null,
): string {
  switch (job.kind) {
    case 'queued_order_applied':
      return t.orderQueuedApplied(job.order.id, total(job.order, t), job.order.pointsEarned);
    case 'queued_order_rejected':
      return t.orderRejected(job.reason);
    case 'order_changed': {
      const order = job.order;
      const lines =
        job.change === 'placed'
          ? [
              t.pushOrderPlacedElsewhere(
                shortId(order.id),
                t.platforms[order.platform],
                total(order, t),
                order.pointsEarned,
              ),
            ]
          : [
              t.pushOrderStatus(shortId(order.id), t.orderStatus[order.status], total(order, t)),
              ...pointLines(order, t),
            ];
      if (balance) lines.push(t.pushBalance(balance.balance, balance.pending));
      return lines.join('\n');
    }
  }
}

/** What a status change did to the customer's points (see the ledger rules in libs/domain). */
function pointLines(order: PushedOrder, t: BotMessages): string[] {
  switch (order.status) {
    case 'paid':
      return order.pointsEarned > 0 ? [t.pushPointsAvailable(order.pointsEarned)] : [];
    case 'cancelled':
    case 'refunded':
      return [
        ...(order.pointsEarned > 0 ? [t.pushPointsReversed(order.pointsEarned)] : []),
        ...(order.pointsRedeemed > 0 ? [t.pushPointsRestored(order.pointsRedeemed)] : []),
      ];
    default:
      return [];
  }
}

function total(order: PushedOrder, t: BotMessages): string {
  return formatMoney(order.totalMinor, order.currency, t.locale);
}
