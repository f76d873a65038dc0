import { UseFilters } from '@nestjs/common';
import { Command, Ctx, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { ProfileReply } from '../replies/profile-reply';

@Update()
@UseFilters(BotErrorFilter)
export class ProfileUpdate {
  constructor(private readonly profile: ProfileReply) {}

  @Command('profile')
  async showProfile(@Ctx() ctx: BotContext): Promise<void> {
    await this.profile.send(ctx);
  }
}
