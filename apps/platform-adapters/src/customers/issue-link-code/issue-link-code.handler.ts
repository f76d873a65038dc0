import { Pepper } from '@karmabot/common';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IssueLinkCodeCommand,
  LinkCodeIssued,
  LinkCodeIssueResult,
  OpOutcome,
  Patterns,
  RpcEnvelope,
} from '@karmabot/contracts';
import { generateLinkCode, hashLinkCode, LINK_CODE_TTL_SECONDS } from '@karmabot/domain';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';
import { CustomerResolver } from '../customer-resolver';

const REPLAY_DETAIL =
  'This request was already answered: the code is shown only once and is not stored. Request a new code.';

/**
 * Issues a one-time code FOR one side, to be typed on the other: for a Telegram account (shown
 * by the bot or `POST /v1/telegram/users/{id}/link-code`, entered on the website) or for a
 * website customer (`POST /v1/website/users/{email}/link-code`, sent to the bot as
 * `/link CODE` or the deep link `/start link_CODE`). Only the code's peppered hash enters the
 * op; the plain code lives in this answer alone, so a replay (same Idempotency-Key) cannot show
 * it again.
 */
@Controller()
export class IssueLinkCodeHandler {
  constructor(
    private readonly customers: CustomerResolver,
    private readonly ops: OpApplier,
    private readonly pepper: Pepper,
  ) {}

  @MessagePattern(Patterns.customer.issueLinkCode)
  async handle(
    @Payload() { meta, data }: RpcEnvelope<IssueLinkCodeCommand>,
  ): Promise<OpOutcome<LinkCodeIssued>> {
    const caller = callerOf(meta);
    const customer = await this.customers.resolve(
      'email' in data ? { email: data.email } : { telegramId: data.telegramId },
      caller,
    );
    const code = generateLinkCode();
    const codeHash = hashLinkCode(code, this.pepper.value);
    const expiresAt = new Date(Date.now() + LINK_CODE_TTL_SECONDS * 1000).toISOString();
    const outcome = await this.ops.apply<'link_code.issue', LinkCodeIssueResult>(
      'email' in data
        ? {
            type: 'link_code.issue',
            platform: 'website',
            payload: { customerId: customer.id, codeHash, expiresAt },
          }
        : {
            type: 'link_code.issue',
            platform: 'telegram',
            payload: { telegramId: data.telegramId, codeHash, expiresAt },
          },
      data,
      caller,
    );
    if (outcome.state === 'rejected') return { ...outcome, result: undefined };
    // Queued (no store up) still gets the code: the op carrying its hash is applied on recovery.
    const issued = outcome.result?.expiresAt ?? expiresAt;
    const result: LinkCodeIssued = outcome.replayed
      ? { code: null, expiresAt: issued, detail: REPLAY_DETAIL }
      : { code, expiresAt: issued };
    return { ...outcome, result };
  }
}
