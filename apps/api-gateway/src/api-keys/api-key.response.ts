import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES, ApiKeyScope } from '@karmabot/contracts';

/** OpenAPI shape of an API key without its secret (the key itself is never readable again). */
export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Q3ZkP0aW9xLm', description: 'Public lookup id, the part after `kb_`' })
  prefix!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true })
  scopes!: ApiKeyScope[];

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'null: the server default (RATE_LIMIT_PER_MINUTE)',
  })
  rate_limit_per_minute!: number | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null while the create is queued',
  })
  created_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revoked_at!: string | null;

  @ApiProperty({ format: 'uuid', description: 'The op that made this change (GET /v1/ops/{op_id})' })
  op_id!: string;
}
