import { Injectable } from '@nestjs/common';
import { AppError, CustomerView } from '@karmabot/contracts';
import { BotContext } from '../context/bot-context';
import { BotUseCases } from '../use-cases/bot-use-cases';
import { telegramProfileOf } from './telegram-profile-of';

/**
 * The customer behind the user who sent an update. Someone who never sent /start (a deep link,
 * a forwarded /order) is registered on the spot, by the same use case /start runs.
 */
@Injectable()
export class BotCustomers {
  constructor(private readonly useCases: BotUseCases) {}

  /** The live customer, or null when registration was only queued (no store is up). */
  async ensure(ctx: BotContext): Promise<CustomerView | null> {
    const user = ctx.from;
    if (!user) throw new Error('update has no sender');
    try {
      return await this.useCases.customer(String(user.id));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'CUSTOMER_NOT_FOUND') throw error;
    }
    const outcome = await this.useCases.register(telegramProfileOf(user), `update:${ctx.update.update_id}`);
    if (outcome.state === 'rejected' && outcome.error) throw AppError.fromJSON(outcome.error);
    return outcome.result?.customer ?? null;
  }
}
