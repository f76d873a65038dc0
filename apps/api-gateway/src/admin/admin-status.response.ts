import { ApiProperty } from '@nestjs/swagger';
import { AdminHealthResponse } from './admin-health.response';

const APP_READINESS = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    latency_ms: { type: 'number' },
    checks: { type: 'object', description: "The app's own /readyz details" },
    error: { type: 'string' },
  },
};

export class AdminStatusResponse extends AdminHealthResponse {
  @ApiProperty({ format: 'date-time' })
  checked_at!: string;

  @ApiProperty({
    description: "Each app's readiness (its /readyz) and how long it took to answer",
    type: 'object',
    additionalProperties: APP_READINESS,
    example: {
      'api-gateway': { status: 'up', latency_ms: 0 },
      persistence: { status: 'up', latency_ms: 2.1 },
    },
  })
  apps!: Record<string, unknown>;

  @ApiProperty({
    description:
      "persistence's store.status answer (mode, each store's state), with reachable and latency_ms",
    type: 'object',
    additionalProperties: true,
  })
  database!: Record<string, unknown>;

  @ApiProperty({
    description: "This gateway's in-memory caches",
    example: { api_keys: { size: 12, max_entries: 10000, ttl_seconds: 30, hits: 3400, misses: 15 } },
    type: 'object',
    additionalProperties: true,
  })
  caches!: Record<string, unknown>;
}
