import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Pepper } from '@karmabot/common';
import { AppError, LinkTelegramCommand, OpPayloads } from '@karmabot/contracts';
import { hashLinkCode, verifyTelegramLogin } from '@karmabot/domain';

type LinkProof = OpPayloads['customer.link_telegram']['proof'];

/**
 * Turns the client's proof of the other side into what the op may carry: a code becomes its
 * peppered hash (persistence finds and consumes it, and learns the side it was issued for, in
 * the transaction that links), and widget data is verified here, by HMAC with the bot token,
 * leaving only the Telegram id it proves.
 */
@Injectable()
export class LinkProofBuilder {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pepper: Pepper,
  ) {}

  build(proof: { kind: 'code'; code: string }): { kind: 'code'; codeHash: string };
  build(proof: LinkTelegramCommand['proof']): LinkProof;
  build(proof: LinkTelegramCommand['proof']): LinkProof {
    if (proof.kind === 'code') {
      return { kind: 'code', codeHash: hashLinkCode(proof.code, this.pepper.value) };
    }
    if (this.config.TELEGRAM_BOT_TOKEN === '') {
      throw new AppError(
        'LINK_PROOF_INVALID',
        'Telegram login is not configured on this server (no bot token)',
      );
    }
    const verified = verifyTelegramLogin(
      proof.data,
      this.config.TELEGRAM_BOT_TOKEN,
      Math.floor(Date.now() / 1000),
    );
    if (!verified.ok) {
      throw new AppError('LINK_PROOF_INVALID', `Telegram login data is not valid: ${verified.reason}`);
    }
    return { kind: 'telegram_auth', telegramId: verified.telegramId };
  }
}
