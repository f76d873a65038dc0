import { ApiProperty } from '@nestjs/swagger';

/** The answer while no store is reachable: the op waits in the deferred-write queue. */
export class OpQueuedResponse {
  @ApiProperty({ format: 'uuid', description: 'Ask GET /v1/ops/{op_id} for its fate' })
  op_id: string;

  @ApiProperty({ enum: ['queued'] })
  status: 'queued';
}
