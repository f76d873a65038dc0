import { Injectable } from '@nestjs/common';
import { OrderItem } from '@karmabot/contracts';
import { BotContext } from '../context/bot-context';
import { formatMoney } from '../i18n/format-money';
import { BotUseCases } from '../use-cases/bot-use-cases';
import { QueuedOrderWatcher } from './queued-order-watcher';

export interface OrderToPlace {
  items: OrderItem[];
  currency: string;
  /** Shown when the order is only queued: nothing computed it yet. */
  previewTotalMinor: number;
  previewPoints: number;
}

/**
 * Places the confirmed draft and words the outcome. The op id derives from the draft, so a
 * second tap on "Confirm" (or a redelivered update) answers the first order instead of a new one.
 * A queued order (no store up) is said to be queued, and followed until it is applied.
 */
@Injectable()
export class OrderPlacement {
  constructor(
    private readonly useCases: BotUseCases,
    private readonly watcher: QueuedOrderWatcher,
  ) {}

  async place(ctx: BotContext, draftId: string, order: OrderToPlace): Promise<string> {
    const t = ctx.state.t;
    const outcome = await this.useCases.placeOrder(
      String(ctx.from!.id),
      { items: order.items, currency: order.currency },
      draftId,
    );
    if (outcome.state === 'queued') {
      await this.watcher.watch(outcome.opId, ctx.chat!.id);
      return t.orderQueued(
        outcome.opId,
        formatMoney(order.previewTotalMinor, order.currency, t.locale),
        order.previewPoints,
      );
    }
    if (outcome.state === 'rejected' || !outcome.result) {
      return t.orderRejected(outcome.error?.detail ?? outcome.error?.code ?? '—');
    }
    const placed = outcome.result.order;
    return t.orderPlaced(
      placed.id,
      formatMoney(placed.totalMinor, placed.currency, t.locale),
      placed.pointsEarned,
    );
  }
}
