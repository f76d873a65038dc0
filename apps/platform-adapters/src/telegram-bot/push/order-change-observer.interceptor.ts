import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { mergeMap, Observable } from 'rxjs';
import { OpOutcome, OrderResult } from '@karmabot/contracts';
import { pushedOrder } from './push-job';
import { TelegramPushQueue } from './telegram-push-queue';

/**
 * Watches the answers of the order use cases served over RPC (HTTP clients: website, partners,
 * a merchant marking an order paid) and queues a push to the customer's Telegram chat for
 * each order placed or moved, with its loyalty change. The bot's own orders do not pass here
 * (it calls the use cases in-process and answers in the chat itself).
 *
 * The push is queued before the answer leaves, so an accepted change is never left unannounced;
 * a Redis failure is logged and does not fail the change itself.
 */
@Injectable()
export class OrderChangeObserver implements NestInterceptor {
  private readonly logger = new Logger(OrderChangeObserver.name);

  constructor(private readonly pushes: TelegramPushQueue) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        if (isFreshOrderChange(answer)) await this.announce(answer);
        return answer;
      }),
    );
  }

  private async announce(outcome: OpOutcome<OrderResult> & { result: OrderResult }) {
    const order = outcome.result.order;
    try {
      await this.pushes.add(
        {
          kind: 'order_changed',
          change: outcome.type === 'order.place' ? 'placed' : 'status',
          customerId: order.customerId,
          order: pushedOrder(order),
        },
        `order-${outcome.opId}`,
      );
    } catch (error) {
      this.logger.warn({
        msg: 'telegram.push.enqueue_failed',
        op_id: outcome.opId,
        error: (error as Error).message,
      });
    }
  }
}

/** An order op applied just now (a replay was announced the first time). */
function isFreshOrderChange(answer: unknown): answer is OpOutcome<OrderResult> & { result: OrderResult } {
  const outcome = answer as Partial<OpOutcome<OrderResult>> | null;
  return (
    typeof outcome === 'object' &&
    outcome !== null &&
    (outcome.type === 'order.place' || outcome.type === 'order.status_change') &&
    outcome.state === 'applied' &&
    outcome.replayed === false &&
    typeof outcome.result?.order?.customerId === 'string'
  );
}
