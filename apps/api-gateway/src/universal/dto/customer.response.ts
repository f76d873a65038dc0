import { ApiProperty } from '@nestjs/swagger';
import { IdentityResponse } from './identity.response';

/** A customer as every platform sees it; never carries a password hash. */
export class CustomerResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  display_name: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'email' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+4915112345678' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'de-DE' })
  locale: string | null;

  @ApiProperty({ description: 'Increases with every change; sent as the ETag, checked through If-Match' })
  version: number;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Set on a tombstone: the customer this one was merged into',
  })
  merged_into: string | null;

  @ApiProperty({ type: [IdentityResponse] })
  identities: IdentityResponse[];

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time' })
  updated_at: string;
}
