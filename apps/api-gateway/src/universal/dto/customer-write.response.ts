import { ApiProperty } from '@nestjs/swagger';
import { CustomerResponse } from './customer.response';

/** A customer as a write answers it, with the op that wrote it. */
export class CustomerWriteResponse extends CustomerResponse {
  @ApiProperty({ format: 'uuid', description: 'The op of this write; also in the X-Op-Id header' })
  op_id: string;
}
