import { Body, Controller, Get, Headers, Param, Post, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RpcClient } from '@karmabot/common';
import {
  Caller,
  CustomerView,
  GetCustomerCommand,
  IssueLinkCodeCommand,
  LinkCodeIssued,
  LinkTelegramCommand,
  LinkTelegramResult,
  OpOutcome,
  OrderResult,
  Patterns,
  RegisterCustomerResult,
  RegisterWebsiteCustomerCommand,
  UpdateProfileCommand,
  UpdateProfileResult,
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
import { LinkCodeResponse } from '../telegram/dto/link-code.response';
import { PlaceOrderBody } from '../orders/dto/place-order.body';
import { placeOrderCommand } from '../orders/place-order-command';
import { CustomerResponse } from '../universal/dto/customer.response';
import { CustomerWriteResponse } from '../universal/dto/customer-write.response';
import { EmailParams } from './dto/email.params';
import { LinkTelegramBody } from './dto/link-telegram.body';
import { LinkTelegramResponse } from './dto/link-telegram.response';
import { RegisterWebsiteUserBody } from './dto/register-website-user.body';
import { UpdateProfileBody } from './dto/update-profile.body';
import { ifMatchVersion } from './if-match-version';
import { linkProofOf } from './link-proof-of';
import { profileChangesOf } from './profile-changes-of';
import { versionEtag } from './version-etag';

const ETAG_HEADER = {
  ETag: { description: 'The customer version, for If-Match', schema: { type: 'string' } },
};

/** The website's view of its users, by email. Platform rules live in platform-adapters. */
@ApiTags('website')
@Auth('website')
@Controller('v1/website/users')
export class WebsiteUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Register a website user',
    description: 'The password is hashed (bcrypt) before anything stores it and is never returned.',
  })
  @ApiWrite({ status: 201, type: CustomerWriteResponse, description: 'Registered' })
  @ApiProblems(400, 401, 403, 409, 422, 429, 503)
  async register(
    @Body() body: RegisterWebsiteUserBody,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: RegisterWebsiteCustomerCommand = { ...writeMetaOf(write), ...toCamelCase(body) };
    const outcome = await this.rpc.send<OpOutcome<RegisterCustomerResult>>(
      Patterns.customer.registerWebsite,
      command,
      {
        caller: write.caller,
      },
    );
    return answerWrite(reply, outcome, (result) => result.customer);
  }

  @Get(':email')
  @ApiOperation({
    summary: 'A website user as a customer, with every linked identity',
    description: 'ETag carries the version.',
  })
  @ApiOkResponse({ type: CustomerResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 401, 403, 404, 429, 503)
  async get(
    @Param() params: EmailParams,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerView> {
    const command: GetCustomerCommand = { customer: { email: params.email } };
    const customer = await this.rpc.send<CustomerView>(Patterns.customer.getByEmail, command, { caller });
    reply.header('etag', versionEtag(customer.version));
    return customer;
  }

  @Put(':email/profile')
  @ApiOperation({
    summary: 'Update a profile (partial)',
    description:
      'Sent fields change, absent ones stay, null clears. With If-Match the update applies only to that version ' +
      '(412 otherwise); without it the last writer wins.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the version this update is based on, e.g. "3"',
  })
  @ApiWrite({
    status: 200,
    type: CustomerWriteResponse,
    description: 'Updated; ETag carries the new version',
  })
  @ApiProblems(400, 401, 403, 404, 412, 422, 429, 503)
  async updateProfile(
    @Param() params: EmailParams,
    @Body() body: UpdateProfileBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: UpdateProfileCommand = {
      ...writeMetaOf(write),
      email: params.email,
      expectedVersion: ifMatchVersion(ifMatch),
      changes: profileChangesOf(body),
    };
    const outcome = await this.rpc.send<OpOutcome<UpdateProfileResult>>(
      Patterns.customer.updateProfile,
      command,
      {
        caller: write.caller,
      },
    );
    return answerWrite(reply, outcome, (result) => result.customer, {
      headers: (result) => ({ etag: versionEtag(result.customer.version) }),
    });
  }

  @Post(':email/link-code')
  @ApiOperation({
    summary: 'Issue a one-time code to link a Telegram account to this website user',
    description:
      'The user sends it to the bot as `/link CODE` (or opens `t.me/<bot>?start=link_CODE`); the Telegram ' +
      'account that sends it is linked to this user, merging its customer as link-telegram does. 8 characters, ' +
      'valid 10 minutes, single use; only usable from Telegram. The code is shown in this answer only and stored ' +
      'hashed; a replay answers `code: null` with a `detail`.',
  })
  @ApiWrite({ status: 201, type: LinkCodeResponse, description: 'Issued' })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429, 503)
  async issueLinkCode(
    @Param() params: EmailParams,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: IssueLinkCodeCommand = { ...writeMetaOf(write), email: params.email };
    const outcome = await this.rpc.send<OpOutcome<LinkCodeIssued>>(Patterns.customer.issueLinkCode, command, {
      caller: write.caller,
    });
    return answerWrite(reply, outcome, (result) => result);
  }

  @Post(':email/link-telegram')
  @ApiOperation({
    summary: 'Link a Telegram account to this website user',
    description:
      "Send exactly one proof: `code` (from POST /v1/telegram/users/{id}/link-code or the bot's /link; a code " +
      'from POST /v1/website/users/{email}/link-code is for the bot and is refused here) or `telegram_auth` ' +
      '(Telegram Login Widget data). When the Telegram account already has a customer, the two are merged: ' +
      'orders, points and identities move to one live customer; the other stays as a tombstone.',
  })
  @ApiWrite({ status: 200, type: LinkTelegramResponse, description: 'Linked' })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429, 503)
  async linkTelegram(
    @Param() params: EmailParams,
    @Body() body: LinkTelegramBody,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: LinkTelegramCommand = {
      ...writeMetaOf(write),
      email: params.email,
      proof: linkProofOf(body),
    };
    const outcome = await this.rpc.send<OpOutcome<LinkTelegramResult>>(
      Patterns.customer.linkTelegram,
      command,
      {
        caller: write.caller,
      },
    );
    return answerWrite(reply, outcome, (result) => result);
  }

  @Post(':email/orders')
  @ApiOperation({
    summary: 'Place an order from the website',
    description: 'The total is computed from the items; points earned stay pending until the order is paid.',
  })
  @ApiWrite({ status: 201, type: OrderResponse, description: 'Placed' })
  @ApiProblems(400, 401, 403, 404, 422, 429, 503)
  async placeOrder(
    @Param() params: EmailParams,
    @Body() body: PlaceOrderBody,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = placeOrderCommand(body, { email: params.email }, 'website', write);
    const outcome = await this.rpc.send<OpOutcome<OrderResult>>(Patterns.order.place, command, {
      caller: write.caller,
    });
    return answerWrite(reply, outcome, (result) => result.order);
  }
}
