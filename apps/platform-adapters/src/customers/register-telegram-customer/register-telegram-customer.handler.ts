import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  OpOutcome,
  Patterns,
  RegisterCustomerResult,
  RegisterTelegramCustomerCommand,
  RpcEnvelope,
} from '@karmabot/contracts';
import { OpApplier } from '../../persistence/op-applier';
import { callerOf } from '../../rpc/caller-of';

/** Registers a Telegram user; persistence answers `created: false` with the same customer when the id is known. */
@Controller()
export class RegisterTelegramCustomerHandler {
  constructor(private readonly ops: OpApplier) {}

  @MessagePattern(Patterns.customer.registerTelegram)
  handle(
    @Payload() { meta, data }: RpcEnvelope<RegisterTelegramCustomerCommand>,
  ): Promise<OpOutcome<RegisterCustomerResult>> {
    return this.ops.apply(
      {
        type: 'customer.register_telegram',
        platform: 'telegram',
        payload: {
          telegramId: data.telegramId,
          username: data.username,
          firstName: data.firstName,
          languageCode: data.languageCode,
        },
      },
      data,
      callerOf(meta),
    );
  }
}
