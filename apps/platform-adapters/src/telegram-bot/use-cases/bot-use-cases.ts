import { randomUUID } from 'node:crypto';
import { Injectable, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { currentCorrelationId } from '@karmabot/common';
import {
  CustomerView,
  LinkCodeIssued,
  LinkTelegramResult,
  LoyaltySummaryView,
  OpOutcome,
  OpStatusView,
  OrderItem,
  OrderResult,
  OrderView,
  Patterns,
  RegisterCustomerResult,
  RpcEnvelope,
} from '@karmabot/contracts';
import { CustomerResolver } from '../../customers/customer-resolver';
import { GetCustomerHandler } from '../../customers/get-customer/get-customer.handler';
import { IssueLinkCodeHandler } from '../../customers/issue-link-code/issue-link-code.handler';
import { LinkTelegramHandler } from '../../customers/link-telegram/link-telegram.handler';
import { RegisterTelegramCustomerHandler } from '../../customers/register-telegram-customer/register-telegram-customer.handler';
import { LoyaltySummaryHandler } from '../../loyalty/loyalty-summary/loyalty-summary.handler';
import { GetOpHandler } from '../../ops/get-op/get-op.handler';
import { PlaceOrderHandler } from '../../orders/place-order/place-order.handler';
import { PersistenceQueries } from '../../persistence/persistence-queries';
import { BotKeys } from '../context/bot-keys';
import { botWriteMeta } from './bot-write-meta';
import { TELEGRAM_BOT_CALLER } from './telegram-bot-caller';

export interface TelegramProfile {
  telegramId: string;
  username?: string;
  firstName?: string;
  languageCode?: string;
}

/**
 * The bot's door to the use cases the HTTP API runs: the very same handler instances, called
 * in-process with the envelope the RPC transport would carry (correlation id, the bot as
 * caller), so the rules live in one place and the bot adds only conversation.
 */
@Injectable()
export class BotUseCases {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly customers: CustomerResolver,
    private readonly queries: PersistenceQueries,
    private readonly keys: BotKeys,
  ) {}

  /** `/start`: registers the Telegram user, or answers `created: false` with the customer they already are. */
  register(profile: TelegramProfile, key: string): Promise<OpOutcome<RegisterCustomerResult>> {
    const data = { ...botWriteMeta(this.keys.botId, `register:${key}`, { ...profile }), ...profile };
    return this.handler(RegisterTelegramCustomerHandler).handle(this.envelope(data));
  }

  customer(telegramId: string): Promise<CustomerView> {
    return this.handler(GetCustomerHandler).handle(this.envelope({ customer: { telegramId } }));
  }

  placeOrder(
    telegramId: string,
    order: { items: OrderItem[]; currency: string },
    key: string,
  ): Promise<OpOutcome<OrderResult>> {
    const body = { telegramId, items: order.items, currency: order.currency };
    const data = {
      ...botWriteMeta(this.keys.botId, `order:${key}`, body),
      customer: { telegramId },
      platform: 'telegram' as const,
      items: order.items,
      currency: order.currency,
    };
    return this.handler(PlaceOrderHandler).handle(this.envelope(data));
  }

  loyalty(telegramId: string): Promise<LoyaltySummaryView> {
    return this.handler(LoyaltySummaryHandler).handle(this.envelope({ customer: { telegramId } }));
  }

  issueLinkCode(telegramId: string, key: string): Promise<OpOutcome<LinkCodeIssued>> {
    const data = { ...botWriteMeta(this.keys.botId, `link-code:${key}`, { telegramId }), telegramId };
    return this.handler(IssueLinkCodeHandler).handle(this.envelope(data));
  }

  /**
   * `/link CODE` and `/start link_CODE`: links the sender's Telegram account (Telegram
   * authenticated it) to the website customer the code was issued for, as the website's
   * link-telegram route does from the other side.
   */
  link(telegramId: string, code: string, key: string): Promise<OpOutcome<LinkTelegramResult>> {
    const data = {
      ...botWriteMeta(this.keys.botId, `link:${key}`, { telegramId, code }),
      telegramId,
      proof: { kind: 'code' as const, code },
    };
    return this.handler(LinkTelegramHandler).handle(this.envelope(data));
  }

  op(opId: string): Promise<OpStatusView> {
    return this.handler(GetOpHandler).handle(this.envelope({ opId }));
  }

  /**
   * The customer's latest orders. No HTTP route lists orders yet, so there is no use case to
   * share: this is the read the adapters' other reads make (resolve the identity, ask persistence).
   */
  async recentOrders(telegramId: string, limit: number): Promise<OrderView[]> {
    const customer = await this.customers.resolve({ telegramId }, TELEGRAM_BOT_CALLER);
    const orders = await this.queries.ask(
      Patterns.query.orderList,
      { customerId: customer.id, limit },
      TELEGRAM_BOT_CALLER,
    );
    return [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
  }

  /** The customer behind any identity (a merge followed), for pushes addressed by customer id. */
  customerById(customerId: string): Promise<CustomerView> {
    return this.customers.resolve({ customerId }, TELEGRAM_BOT_CALLER);
  }

  private envelope<T>(data: T): RpcEnvelope<T> {
    return {
      meta: { correlationId: currentCorrelationId() ?? randomUUID(), caller: TELEGRAM_BOT_CALLER },
      data,
    };
  }

  /** Handlers are controllers of their own modules; the bot borrows the app's single instance. */
  private handler<T>(type: Type<T>): T {
    return this.moduleRef.get(type, { strict: false });
  }
}
