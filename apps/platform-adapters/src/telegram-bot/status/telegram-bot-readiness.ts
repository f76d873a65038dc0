import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TelegramBotStatus } from './telegram-bot-status';

/**
 * The bot in /readyz: always `up`, with its state in the details. A bot that cannot launch
 * must not take the app out of service, since the HTTP API behind the gateway keeps working.
 */
@Injectable()
export class TelegramBotReadiness {
  constructor(
    private readonly status: TelegramBotStatus,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const view = this.status.current;
    return this.indicators.check('telegram_bot').up({
      state: view.state,
      mode: view.mode,
      bot: view.bot,
      since: view.since,
      attempts: view.attempts,
      last_error: view.lastError,
      next_attempt_at: view.nextAttemptAt,
    });
  }
}
