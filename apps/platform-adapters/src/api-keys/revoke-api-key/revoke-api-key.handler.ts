import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApiKeyView, OpOutcome, Patterns, RevokeApiKeyCommand, RpcEnvelope } from '@karmabot/contracts';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';
import { assertAdminCaller } from '../assert-admin-caller';

/**
 * `api-key.revoke`: an `api_key.revoke` op; persistence answers API_KEY_NOT_FOUND for an unknown id.
 */
@Controller()
export class RevokeApiKeyHandler {
  constructor(private readonly ops: OpApplier) {}

  @MessagePattern(Patterns.apiKey.revoke)
  async handle(@Payload() { meta, data }: RpcEnvelope<RevokeApiKeyCommand>): Promise<OpOutcome<ApiKeyView>> {
    const caller = callerOf(meta);
    assertAdminCaller(caller);
    return this.ops.apply<'api_key.revoke', ApiKeyView>(
      { type: 'api_key.revoke', platform: 'admin', payload: { keyId: data.keyId } },
      data,
      caller,
    );
  }
}
