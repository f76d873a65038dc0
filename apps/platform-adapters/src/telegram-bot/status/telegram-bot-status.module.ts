import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TelegramBotReadiness } from './telegram-bot-readiness';
import { TelegramBotStatus } from './telegram-bot-status';

/** One status holder per process, shared by the launcher and the readiness check. */
@Module({
  imports: [TerminusModule],
  providers: [TelegramBotStatus, TelegramBotReadiness],
  exports: [TelegramBotStatus, TelegramBotReadiness],
})
export class TelegramBotStatusModule {}
