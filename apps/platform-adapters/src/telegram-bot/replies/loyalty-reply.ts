import { Injectable } from '@nestjs/common';
import { BotContext } from '../context/bot-context';
import { BotCustomers } from '../customer/bot-customers';
import { BotUseCases } from '../use-cases/bot-use-cases';
import { dayOf } from './short-id';

const RECENT_ENTRIES = 5;

/** `/loyalty`: balance, pending points, tier and the latest ledger entries. */
@Injectable()
export class LoyaltyReply {
  constructor(
    private readonly customers: BotCustomers,
    private readonly useCases: BotUseCases,
  ) {}

  async send(ctx: BotContext): Promise<void> {
    const t = ctx.state.t;
    await this.customers.ensure(ctx);
    const summary = await this.useCases.loyalty(String(ctx.from!.id));
    const head = t.loyalty({
      balance: summary.balance,
      pending: summary.pending,
      tier: t.tiers[summary.tier],
      lifetime: summary.lifetimeEarned,
    });
    const entries = summary.recentEntries
      .slice(0, RECENT_ENTRIES)
      .map((e) => t.loyaltyEntry(e.points, t.ledgerKinds[e.kind], t.buckets[e.bucket], dayOf(e.at)));
    const recent = entries.length ? [t.loyaltyRecentTitle, ...entries] : [t.loyaltyNoEntries];
    await ctx.reply([head, '', ...recent].join('\n'));
  }
}
