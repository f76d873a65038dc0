import type { ExtraReadinessChecks } from '@karmabot/common';
import { TelegramBotReadiness } from './telegram-bot-readiness';
import { TelegramBotStatusModule } from './telegram-bot-status.module';

/** `HealthModule.forApp(telegramBotReadinessChecks())`: the bot's state in platform-adapters' /readyz. */
export function telegramBotReadinessChecks(): ExtraReadinessChecks {
  return {
    imports: [TelegramBotStatusModule],
    inject: [TelegramBotReadiness],
    useFactory: (bot: TelegramBotReadiness) => [() => bot.check()],
  };
}
