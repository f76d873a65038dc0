import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OP_TYPES, OpState, OpType } from '@karmabot/contracts';

class OpErrorResponse {
  @ApiProperty()
  code: string;

  @ApiProperty()
  detail: string;
}

export class OpStatusResponse {
  @ApiProperty({ format: 'uuid' })
  op_id: string;

  @ApiProperty({ enum: OP_TYPES })
  type: OpType;

  @ApiProperty({ enum: ['applied', 'rejected', 'queued'] })
  state: OpState;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'What the op did, when applied',
  })
  result?: unknown;

  @ApiPropertyOptional({ type: OpErrorResponse, description: 'Why it was refused, when rejected' })
  error?: OpErrorResponse;

  @ApiProperty({ format: 'date-time' })
  at: string;
}
