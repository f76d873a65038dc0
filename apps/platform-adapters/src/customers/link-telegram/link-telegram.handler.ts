import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
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
 * Links a Telegram account to a website customer, merging the customer that held it. Linking
 * never trusts a bare Telegram id: the proof is checked before (widget data) or while (one-time
 * code) the op applies, and a bad proof links nothing (422 LINK_PROOF_INVALID).
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
    const proof = this.proofs.build(data.proof);
    const customer = await this.customers.resolve({ email: data.email }, caller);
    return this.ops.apply(
      { type: 'customer.link_telegram', platform: 'website', payload: { customerId: customer.id, proof } },
      data,
      caller,
    );
  }
}
