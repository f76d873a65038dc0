import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LinkCodeResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'K7XQ2MPA',
    description: 'Shown once and never stored; null when this answer is a replay',
  })
  code: string | null;

  @ApiProperty({ format: 'date-time' })
  expires_at: string;

  @ApiPropertyOptional({ description: 'Why `code` is null, on a replay' })
  detail?: string;

  @ApiProperty({ format: 'uuid' })
  op_id: string;
}
