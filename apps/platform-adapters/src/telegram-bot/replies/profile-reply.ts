import { Injectable } from '@nestjs/common';
import { BotContext } from '../context/bot-context';
import { BotCustomers } from '../customer/bot-customers';
import { dayOf } from './short-id';

/** `/profile`: who the customer is to us and which platforms are linked. */
@Injectable()
export class ProfileReply {
  constructor(private readonly customers: BotCustomers) {}

  async send(ctx: BotContext): Promise<void> {
    const t = ctx.state.t;
    const customer = await this.customers.ensure(ctx);
    if (!customer) {
      await ctx.reply(t.unavailable);
      return;
    }
    const platforms = [...new Set(customer.identities.map((identity) => t.platforms[identity.platform]))];
    await ctx.reply(
      t.profile({
        name: customer.displayName ?? ctx.from?.first_name ?? '—',
        email: customer.email,
        phone: customer.phone,
        platforms: platforms.join(', '),
        since: dayOf(customer.createdAt),
      }),
    );
  }
}
