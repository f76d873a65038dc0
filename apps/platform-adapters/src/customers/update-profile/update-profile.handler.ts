import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  OpOutcome,
  Patterns,
  RpcEnvelope,
  UpdateProfileCommand,
  UpdateProfileResult,
} from '@karmabot/contracts';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';
import { CustomerResolver } from '../customer-resolver';

/**
 * Partial profile update. The version check (If-Match) happens in persistence, inside the
 * transaction that writes, so two writers holding the same version cannot both win.
 */
@Controller()
export class UpdateProfileHandler {
  constructor(
    private readonly customers: CustomerResolver,
    private readonly ops: OpApplier,
  ) {}

  @MessagePattern(Patterns.customer.updateProfile)
  async handle(
    @Payload() { meta, data }: RpcEnvelope<UpdateProfileCommand>,
  ): Promise<OpOutcome<UpdateProfileResult>> {
    const caller = callerOf(meta);
    const customer = await this.customers.resolve({ email: data.email }, caller);
    return this.ops.apply(
      {
        type: 'customer.update_profile',
        platform: 'website',
        payload: { customerId: customer.id, expectedVersion: data.expectedVersion, changes: data.changes },
      },
      data,
      caller,
    );
  }
}
