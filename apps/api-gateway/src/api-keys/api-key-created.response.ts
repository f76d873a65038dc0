import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiKeyResponse } from './api-key.response';

/** OpenAPI shape of `POST /v1/admin/api-keys`' answer: the only time the key is ever shown. */
export class ApiKeyCreatedResponse extends ApiKeyResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'kb_Q3ZkP0aW9xLm_4nT6…',
    description:
      'The whole key, shown once. null when this answer replays an earlier request (same Idempotency-Key).',
  })
  key!: string | null;

  @ApiPropertyOptional({
    enum: ['queued'],
    description: 'Present when the stores are down and the create waits in the queue',
  })
  status?: 'queued';

  @ApiPropertyOptional({ description: 'Why `key` is null, or what `queued` means for this key' })
  detail?: string;
}
