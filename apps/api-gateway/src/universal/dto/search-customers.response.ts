import { ApiProperty } from '@nestjs/swagger';
import { CustomerResponse } from './customer.response';

export class SearchCustomersResponse {
  @ApiProperty({ type: [CustomerResponse] })
  items: CustomerResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  next_cursor: string | null;
}
