import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApiKeyView,
  AppError,
  CreateApiKeyCommand,
  OpOutcome,
  Patterns,
  RpcEnvelope,
} from '@karmabot/contracts';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';
import { assertAdminCaller } from '../assert-admin-caller';

const HMAC_HEX = /^[0-9a-f]{64}$/;

/**
 * `api-key.create`: records a key the gateway generated, as an `api_key.create` op.
 */
@Controller()
export class CreateApiKeyHandler {
  constructor(private readonly ops: OpApplier) {}

  @MessagePattern(Patterns.apiKey.create)
  async handle(@Payload() { meta, data }: RpcEnvelope<CreateApiKeyCommand>): Promise<OpOutcome<ApiKeyView>> {
    const caller = callerOf(meta);
    assertAdminCaller(caller);
    const { keyId, prefix, secretHash, name, scopes, rateLimitPerMinute } = data.key;
    // The op log keeps payloads for ever and replicates them: insist on a digest, so a key in
    // clear can never be written there by mistake.
    if (!HMAC_HEX.test(secretHash)) {
      throw new AppError('INTERNAL', "api-key.create needs the key's HMAC, not the key");
    }
    return this.ops.apply<'api_key.create', ApiKeyView>(
      {
        type: 'api_key.create',
        platform: 'admin',
        // Copied field by field so nothing else the sender put in `key` reaches the op.
        payload: { keyId, prefix, secretHash, name, scopes, rateLimitPerMinute },
      },
      data,
      caller,
    );
  }
}
