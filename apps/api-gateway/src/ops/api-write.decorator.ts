import { applyDecorators, Type } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { OpQueuedResponse } from './dto/op-queued.response';

interface WriteAnswerDoc {
  status: 200 | 201;
  type: Type<unknown>;
  description: string;
}

const WRITE_HEADERS = {
  'X-Op-Id': {
    description: 'The op of this write; GET /v1/ops/{op_id} tells its state',
    schema: { type: 'string' },
  },
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer of an earlier request with the same Idempotency-Key',
    schema: { type: 'string' },
  },
};

/** Documents what every write route shares: the Idempotency-Key header, the op headers, the queued answer. */
export function ApiWrite(...answers: WriteAnswerDoc[]) {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Up to 255 printable ASCII characters, unique per write. Retrying with the same key and body answers ' +
        'the first response again; the same key with another body answers 422.',
    }),
    ...answers.map((answer) => ApiResponse({ ...answer, headers: WRITE_HEADERS })),
    ApiResponse({
      status: 202,
      type: OpQueuedResponse,
      description: 'Accepted while no database is reachable; applied when one returns',
      headers: WRITE_HEADERS,
    }),
  );
}
