import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppError,
  Caller,
  LinkTelegramCommand,
  LinkTelegramResult,
  OpOutcome,
  Patterns,
  RpcEnvelope,
} from '@karmabot/contracts';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';
import { CustomerResolver } from '../customer-resolver';
import { LinkProofBuilder } from './link-proof-builder';

/**
 * Links a Telegram account and a website customer, merging the customer that held the
 * Telegram account, from either side: the website names its customer and proves the Telegram
 * account; the bot names the sender of the update and proves the customer with a code the
 * website issued. Linking never trusts a bare id for the other side: the proof is checked
 * before (widget data) or while (one-time code) the op applies, and a bad proof links nothing
 * (422 LINK_PROOF_INVALID).
 */
@Controller()
export class LinkTelegramHandler {
  constructor(
    private readonly customers: CustomerResolver,
    private readonly proofs: LinkProofBuilder,
    private readonly ops: OpApplier,
  ) {}

  @MessagePattern(Patterns.customer.linkTelegram)
  async handle(
    @Payload() { meta, data }: RpcEnvelope<LinkTelegramCommand>,
  ): Promise<OpOutcome<LinkTelegramResult>> {
    const caller = callerOf(meta);
    if ('telegramId' in data) {
      assertMayVouchForTelegramUsers(caller);
      // The customer is learnt from the code, in the transaction that consumes it.
      const payload = { telegramId: data.telegramId, proof: this.proofs.build(data.proof) };
      return this.ops.apply({ type: 'customer.link_telegram', platform: 'telegram', payload }, data, caller);
    }
    const proof = this.proofs.build(data.proof);
    const customer = await this.customers.resolve({ email: data.email }, caller);
    return this.ops.apply(
      { type: 'customer.link_telegram', platform: 'website', payload: { customerId: customer.id, proof } },
      data,
      caller,
    );
  }
}

/**
 * Naming the Telegram account as the side that asks means vouching that the request came from
 * it (Telegram authenticated the update): only the bot, a `telegram` key or the admin may.
 */
function assertMayVouchForTelegramUsers(caller: Caller): void {
  if (caller.kind === 'admin' || caller.scopes.includes('telegram')) return;
  throw new AppError('FORBIDDEN', 'Only a caller with the "telegram" scope may link as a Telegram user');
}
