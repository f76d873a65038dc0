import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CustomerView, GetCustomerCommand, Patterns, RpcEnvelope } from '@karmabot/contracts';
import { callerOf } from '../../rpc/caller-of';
import { CustomerResolver } from '../customer-resolver';

/** A customer with its identities, by Telegram id or by email (one use case, one name per platform). */
@Controller()
export class GetCustomerHandler {
  constructor(private readonly customers: CustomerResolver) {}

  @MessagePattern([Patterns.customer.getByTelegramId, Patterns.customer.getByEmail])
  handle(@Payload() { meta, data }: RpcEnvelope<GetCustomerCommand>): Promise<CustomerView> {
    return this.customers.resolve(data.customer, callerOf(meta));
  }
}
