import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, RpcClient } from '@karmabot/common';
import { AppError, Patterns, TelegramUpdateAck } from '@karmabot/contracts';
import { WebhookSecret } from './webhook-secret';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * Where Telegram delivers updates in webhook mode (TELEGRAM_WEBHOOK_URL points here). Only a
 * request carrying TELEGRAM_WEBHOOK_SECRET in X-Telegram-Bot-Api-Secret-Token is taken; its raw
 * update goes to platform-adapters, and 200 is answered once it is handled, so Telegram
 * redelivers what failed (the bot recognises a redelivery by its update_id).
 */
@Controller('v1/telegram/webhook')
export class TelegramWebhookController {
  private readonly secret: WebhookSecret | null;
  private readonly timeoutMs: number;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const isConfigured = config.TELEGRAM_BOT_TOKEN !== '' && config.TELEGRAM_WEBHOOK_SECRET !== '';
    this.secret = isConfigured ? new WebhookSecret(config.TELEGRAM_WEBHOOK_SECRET) : null;
    // One update may take a few use-case calls: give it more than a single RPC.
    this.timeoutMs = config.RPC_TIMEOUT_MS * 3;
  }

  @Post()
  @HttpCode(200)
  @ApiExcludeEndpoint() // Telegram's door, not part of the client API
  async receive(@Headers(SECRET_HEADER) token: string | undefined, @Body() update: unknown) {
    if (!this.secret) {
      throw new AppError(
        'NOT_FOUND',
        'The Telegram webhook is not enabled (needs TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET)',
      );
    }
    if (!this.secret.matches(token)) {
      throw new AppError('UNAUTHENTICATED', 'X-Telegram-Bot-Api-Secret-Token is missing or wrong');
    }
    const ack = await this.rpc.send<TelegramUpdateAck>(Patterns.telegram.update, update, {
      timeoutMs: this.timeoutMs,
    });
    return { ok: true, updateId: ack.updateId };
  }
}
