import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RpcClient } from '@karmabot/common';
import {
  Caller,
  CustomerView,
  GetCustomerCommand,
  IssueLinkCodeCommand,
  LinkCodeIssued,
  LoyaltySummaryCommand,
  LoyaltySummaryView,
  OpOutcome,
  OrderResult,
  Patterns,
  RegisterCustomerResult,
  RegisterTelegramCustomerCommand,
} from '@karmabot/contracts';
import { Auth } from '../auth/auth.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { toCamelCase } from '../http/case-mapping';
import { Write, WriteContext } from '../idempotency/write-context';
import { ApiWrite } from '../ops/api-write.decorator';
import { answerWrite } from '../ops/op-response';
import { writeMetaOf } from '../ops/write-meta-of';
import { OrderResponse } from '../orders/dto/order.response';
import { PlaceOrderBody } from '../orders/dto/place-order.body';
import { placeOrderCommand } from '../orders/place-order-command';
import { CustomerResponse } from '../universal/dto/customer.response';
import { CustomerWriteResponse } from '../universal/dto/customer-write.response';
import { LoyaltySummaryResponse } from '../universal/dto/loyalty-summary.response';
import { versionEtag } from '../website/version-etag';
import { LinkCodeResponse } from './dto/link-code.response';
import { RegisterTelegramUserBody } from './dto/register-telegram-user.body';
import { TelegramUserParams } from './dto/telegram-user.params';

/** The Telegram bot's view of its users, by Telegram id. Platform rules live in platform-adapters. */
@ApiTags('telegram')
@Auth('telegram')
@Controller('v1/telegram/users')
export class TelegramUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Register a Telegram user',
    description:
      '201 with a new customer; 200 with the same customer when the telegram_id is already registered.',
  })
  @ApiWrite(
    { status: 201, type: CustomerWriteResponse, description: 'Registered' },
    { status: 200, type: CustomerWriteResponse, description: 'Already registered: the existing customer' },
  )
  @ApiProblems(400, 401, 403, 422, 429, 503)
  async register(
    @Body() body: RegisterTelegramUserBody,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: RegisterTelegramCustomerCommand = { ...writeMetaOf(write), ...toCamelCase(body) };
    const outcome = await this.rpc.send<OpOutcome<RegisterCustomerResult>>(
      Patterns.customer.registerTelegram,
      command,
      {
        caller: write.caller,
      },
    );
    return answerWrite(reply, outcome, (result) => result.customer);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A Telegram user as a customer, with every linked identity',
    description: 'ETag carries the version.',
  })
  @ApiOkResponse({
    type: CustomerResponse,
    headers: { ETag: { description: 'The customer version', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 403, 404, 429, 503)
  async get(
    @Param() params: TelegramUserParams,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerView> {
    const command: GetCustomerCommand = { customer: { telegramId: params.id } };
    const customer = await this.rpc.send<CustomerView>(Patterns.customer.getByTelegramId, command, {
      caller,
    });
    reply.header('etag', versionEtag(customer.version));
    return customer;
  }

  @Post(':id/orders')
  @ApiOperation({
    summary: 'Place an order from Telegram',
    description: 'The total is computed from the items; points earned stay pending until the order is paid.',
  })
  @ApiWrite({ status: 201, type: OrderResponse, description: 'Placed' })
  @ApiProblems(400, 401, 403, 404, 422, 429, 503)
  async placeOrder(
    @Param() params: TelegramUserParams,
    @Body() body: PlaceOrderBody,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = placeOrderCommand(body, { telegramId: params.id }, 'telegram', write);
    const outcome = await this.rpc.send<OpOutcome<OrderResult>>(Patterns.order.place, command, {
      caller: write.caller,
    });
    return answerWrite(reply, outcome, (result) => result.order);
  }

  @Get(':id/loyalty')
  @ApiOperation({ summary: 'Loyalty balance, pending points, tier and recent entries of a Telegram user' })
  @ApiOkResponse({ type: LoyaltySummaryResponse })
  @ApiProblems(400, 401, 403, 404, 429, 503)
  loyalty(@Param() params: TelegramUserParams, @CurrentCaller() caller: Caller): Promise<LoyaltySummaryView> {
    const command: LoyaltySummaryCommand = { customer: { telegramId: params.id } };
    return this.rpc.send<LoyaltySummaryView>(Patterns.loyalty.summary, command, { caller });
  }

  @Post(':id/link-code')
  @ApiOperation({
    summary: 'Issue a one-time code to link this Telegram account to a website account',
    description:
      '8 characters, valid 10 minutes, single use. The code is shown in this answer only and stored hashed; ' +
      'a replay answers `code: null` with a `detail`.',
  })
  @ApiWrite({ status: 201, type: LinkCodeResponse, description: 'Issued' })
  @ApiProblems(400, 401, 403, 404, 422, 429, 503)
  async issueLinkCode(
    @Param() params: TelegramUserParams,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: IssueLinkCodeCommand = { ...writeMetaOf(write), telegramId: params.id };
    const outcome = await this.rpc.send<OpOutcome<LinkCodeIssued>>(Patterns.customer.issueLinkCode, command, {
      caller: write.caller,
    });
    return answerWrite(reply, outcome, (result) => result);
  }
}
