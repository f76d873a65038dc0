import { UseFilters } from '@nestjs/common';
import { Command, Ctx, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { LoyaltyReply } from '../replies/loyalty-reply';

@Update()
@UseFilters(BotErrorFilter)
export class LoyaltyUpdate {
  constructor(private readonly loyalty: LoyaltyReply) {}

  @Command('loyalty')
  async showLoyalty(@Ctx() ctx: BotContext): Promise<void> {
    await this.loyalty.send(ctx);
  }
}
