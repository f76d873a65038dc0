import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ChangeOrderStatusCommand, OpOutcome, OrderResult, Patterns, RpcEnvelope } from '@karmabot/contracts';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';
import { OrderFinder } from '../order-finder';
import { assertMaySetStatus } from './assert-may-set-status';

/**
 * Moves an order through its state machine. Whether the move is allowed from the order's
 * current status is decided by persistence when the op applies (409 ORDER_TRANSITION_INVALID),
 * since only there is the status read in the same transaction that changes it.
 */
@Controller()
export class ChangeOrderStatusHandler {
  constructor(
    private readonly orders: OrderFinder,
    private readonly ops: OpApplier,
  ) {}

  @MessagePattern(Patterns.order.changeStatus)
  async handle(
    @Payload() { meta, data }: RpcEnvelope<ChangeOrderStatusCommand>,
  ): Promise<OpOutcome<OrderResult>> {
    const caller = callerOf(meta);
    assertMaySetStatus(caller, data.status);
    const order = await this.orders.find(data.orderId, caller);
    return this.ops.apply(
      {
        type: 'order.status_change',
        platform: caller.kind === 'admin' ? 'admin' : order.platform,
        payload: { orderId: order.id, status: data.status, reason: data.reason },
      },
      data,
      caller,
    );
  }
}
