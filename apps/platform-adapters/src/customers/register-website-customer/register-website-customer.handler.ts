import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { hash } from 'bcryptjs';
import {
  OpOutcome,
  Patterns,
  RegisterCustomerResult,
  RegisterWebsiteCustomerCommand,
  RpcEnvelope,
} from '@karmabot/contracts';
import { normalizeEmail } from '@karmabot/domain';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';
import { PASSWORD_HASH_COST } from './password-hash-cost';

/**
 * Registers a website user. The password is hashed here, before the op exists, so the clear
 * password reaches no op payload, queue, store or log. Persistence refuses a taken email (409).
 */
@Controller()
export class RegisterWebsiteCustomerHandler {
  constructor(private readonly ops: OpApplier) {}

  @MessagePattern(Patterns.customer.registerWebsite)
  async handle(
    @Payload() { meta, data }: RpcEnvelope<RegisterWebsiteCustomerCommand>,
  ): Promise<OpOutcome<RegisterCustomerResult>> {
    const passwordHash = await hash(data.password, PASSWORD_HASH_COST);
    return this.ops.apply(
      {
        type: 'customer.register_website',
        platform: 'website',
        payload: { email: normalizeEmail(data.email), passwordHash, displayName: data.displayName },
      },
      data,
      callerOf(meta),
    );
  }
}
