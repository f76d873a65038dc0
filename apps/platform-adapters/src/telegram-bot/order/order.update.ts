import { UseFilters } from '@nestjs/common';
import { Action, Command, Ctx, Update } from 'nestjs-telegraf';
import { BotContext } from '../context/bot-context';
import { BotErrorFilter } from '../errors/bot-error.filter';
import { ORDER_ACTION } from './order-callback-data';
import { OrderFlow } from './order-flow';

@Update()
@UseFilters(BotErrorFilter)
export class OrderUpdate {
  constructor(private readonly flow: OrderFlow) {}

  @Command('order')
  async start(@Ctx() ctx: BotContext): Promise<void> {
    await this.flow.start(ctx);
  }

  @Action(ORDER_ACTION)
  async tap(@Ctx() ctx: BotContext): Promise<void> {
    const data = ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    await this.flow.onButton(ctx, data);
  }
}
