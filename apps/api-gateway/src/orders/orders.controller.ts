import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RpcClient } from '@karmabot/common';
import {
  API_KEY_SCOPES,
  Caller,
  ChangeOrderStatusCommand,
  GetOrderCommand,
  OpOutcome,
  OrderResult,
  OrderView,
  Patterns,
} from '@karmabot/contracts';
import { Auth } from '../auth/auth.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { Write, WriteContext } from '../idempotency/write-context';
import { ApiWrite } from '../ops/api-write.decorator';
import { answerWrite } from '../ops/op-response';
import { writeMetaOf } from '../ops/write-meta-of';
import { ChangeOrderStatusBody } from './dto/change-order-status.body';
import { OrderIdParams } from './dto/order-id.params';
import { OrderResponse } from './dto/order.response';

/** Orders of any platform by id, and their state machine; who may make which move is decided in platform-adapters. */
@ApiTags('orders')
@Auth(...API_KEY_SCOPES)
@Controller('v1/orders')
export class OrdersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id')
  @ApiOperation({ summary: 'An order by id' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(400, 401, 403, 404, 429, 503)
  get(@Param() params: OrderIdParams, @CurrentCaller() caller: Caller): Promise<OrderView> {
    const command: GetOrderCommand = { orderId: params.id };
    return this.rpc.send<OrderView>(Patterns.order.get, command, { caller });
  }

  @Post(':id/status')
  @ApiOperation({
    summary: 'Move an order through its state machine',
    description:
      'pending → paid → fulfilled, pending|paid → cancelled, paid|fulfilled → refunded. paid, fulfilled and ' +
      'refunded need the admin token or a merchant key; platform keys may cancel. Paying makes pending points ' +
      'available; cancelling or refunding reverses earned points and restores redeemed ones.',
  })
  @ApiWrite({ status: 200, type: OrderResponse, description: 'Moved' })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429, 503)
  async changeStatus(
    @Param() params: OrderIdParams,
    @Body() body: ChangeOrderStatusBody,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: ChangeOrderStatusCommand = {
      ...writeMetaOf(write),
      orderId: params.id,
      status: body.status,
      reason: body.reason,
    };
    const outcome = await this.rpc.send<OpOutcome<OrderResult>>(Patterns.order.changeStatus, command, {
      caller: write.caller,
    });
    return answerWrite(reply, outcome, (result) => result.order);
  }
}
