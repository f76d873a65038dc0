import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { OpOutcome, OrderResult, Patterns, PlaceOrderCommand, RpcEnvelope } from '@karmabot/contracts';
import { computeOrderTotal, currencyExponent } from '@karmabot/domain';
import { CustomerResolver } from '../../customers/customer-resolver';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';
import { assertMayOrderFor } from './assert-may-order-for';

/**
 * Places an order for a customer named by any identity, attributed to the platform it came
 * from (Telegram, website, or any platform through the universal route). Persistence computes
 * the total and the points; the earn rate travels in the op so a replay earns what the first
 * apply would have.
 */
@Controller()
export class PlaceOrderHandler {
  constructor(
    private readonly customers: CustomerResolver,
    private readonly ops: OpApplier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @MessagePattern(Patterns.order.place)
  async handle(@Payload() { meta, data }: RpcEnvelope<PlaceOrderCommand>): Promise<OpOutcome<OrderResult>> {
    const caller = callerOf(meta);
    assertMayOrderFor(caller, data.platform);
    // Refused before an op exists, so a malformed order leaves no rejected op behind.
    computeOrderTotal(data.items);
    currencyExponent(data.currency);
    const customer = await this.customers.resolve(data.customer, caller);
    return this.ops.apply(
      {
        type: 'order.place',
        platform: data.platform,
        payload: {
          customerId: customer.id,
          platform: data.platform,
          partnerId: data.partnerId,
          items: data.items,
          currency: data.currency,
          redeemPoints: data.redeemPoints,
          pointsPerUnit: this.config.LOYALTY_POINTS_PER_UNIT,
        },
      },
      data,
      caller,
    );
  }
}
