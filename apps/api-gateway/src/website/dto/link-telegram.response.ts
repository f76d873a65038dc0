import { ApiProperty } from '@nestjs/swagger';
import { CustomerResponse } from '../../universal/dto/customer.response';

export class LinkTelegramResponse {
  @ApiProperty({ type: CustomerResponse, description: 'The live customer, holding both identities' })
  customer: CustomerResponse;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The customer absorbed by the merge (now a tombstone), or null when nothing was merged',
  })
  merged_customer_id: string | null;

  @ApiProperty({ format: 'uuid' })
  op_id: string;
}
