import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RpcClient } from '@karmabot/common';
import {
  Caller,
  OpOutcome,
  OrderResult,
  Patterns,
  PLATFORMS,
  QueryContracts,
  SearchCustomersCommand,
  UnifiedLoyaltyCommand,
  UnifiedLoyaltyView,
} from '@karmabot/contracts';
import { Auth } from '../auth/auth.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { toCamelCase } from '../http/case-mapping';
import { Write, WriteContext } from '../idempotency/write-context';
import { ApiWrite } from '../ops/api-write.decorator';
import { answerWrite } from '../ops/op-response';
import { OrderResponse } from '../orders/dto/order.response';
import { placeOrderCommand } from '../orders/place-order-command';
import { customerRefOf } from './customer-ref-of';
import { CrossPlatformOrderBody } from './dto/cross-platform-order.body';
import { CustomerRefBody } from './dto/customer-ref.body';
import { SearchCustomersBody } from './dto/search-customers.body';
import { SearchCustomersResponse } from './dto/search-customers.response';
import { UnifiedLoyaltyResponse } from './dto/unified-loyalty.response';
import { pickExactlyOne } from './validation/pick-exactly-one';

const DEFAULT_SEARCH_LIMIT = 20;
const SEARCH_KEYS = ['query', 'email', 'telegram_id', 'phone'] as const;

type CustomerPage = QueryContracts['query.customer.search']['response'];

/** Routes that work across platforms: any platform key may call them. */
@ApiTags('universal')
@Auth(...PLATFORMS)
@Controller('v1/universal')
export class UniversalController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users/search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Search customers across platforms',
    description:
      'Exactly one of query, email, telegram_id, phone; page with `cursor` = the previous `next_cursor`.',
  })
  @ApiOkResponse({ type: SearchCustomersResponse })
  @ApiProblems(400, 401, 403, 429, 503)
  search(@Body() body: SearchCustomersBody, @CurrentCaller() caller: Caller): Promise<CustomerPage> {
    pickExactlyOne(body, SEARCH_KEYS);
    const command: SearchCustomersCommand = {
      ...toCamelCase(body),
      limit: body.limit ?? DEFAULT_SEARCH_LIMIT,
    };
    return this.rpc.send<CustomerPage>(Patterns.customer.search, command, { caller });
  }

  @Post('orders/cross-platform')
  @ApiOperation({
    summary: 'Place an order for a customer named by any identity, attributed to a platform',
    description: 'The API key needs the scope of `platform` (a partner key places partner orders only).',
  })
  @ApiWrite({ status: 201, type: OrderResponse, description: 'Placed' })
  @ApiProblems(400, 401, 403, 404, 422, 429, 503)
  async placeOrder(
    @Body() body: CrossPlatformOrderBody,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const customer = customerRefOf(body.customer, 'customer');
    const command = placeOrderCommand(body, customer, body.platform, write, body.partner_id);
    const outcome = await this.rpc.send<OpOutcome<OrderResult>>(Patterns.order.place, command, {
      caller: write.caller,
    });
    return answerWrite(reply, outcome, (result) => result.order);
  }

  @Post('loyalty/unified')
  @HttpCode(200)
  @ApiOperation({
    summary: 'One loyalty balance over every identity linked to a customer',
    description: 'Name the customer by exactly one of telegram_id, email, customer_id.',
  })
  @ApiOkResponse({ type: UnifiedLoyaltyResponse })
  @ApiProblems(400, 401, 403, 404, 429, 503)
  unifiedLoyalty(
    @Body() body: CustomerRefBody,
    @CurrentCaller() caller: Caller,
  ): Promise<UnifiedLoyaltyView> {
    const command: UnifiedLoyaltyCommand = { customer: customerRefOf(body) };
    return this.rpc.send<UnifiedLoyaltyView>(Patterns.loyalty.unified, command, { caller });
  }
}
