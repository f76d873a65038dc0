import { ApiProperty } from '@nestjs/swagger';

export class AdminHealthResponse {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description: 'degraded unless both stores are up (mode FULL_OPERATIONAL)',
  })
  status!: 'ok' | 'degraded';

  @ApiProperty({
    example: 'FULL_OPERATIONAL',
    description:
      'FULL_OPERATIONAL, POSTGRESQL_ONLY, SUPABASE_ONLY, CACHE_ONLY, or UNKNOWN when persistence does not answer',
  })
  mode!: string;

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ example: 3600, description: 'Seconds since this gateway started' })
  uptime_s!: number;
}
