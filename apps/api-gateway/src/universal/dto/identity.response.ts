import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLATFORMS, Platform } from '@karmabot/contracts';

export class IdentityResponse {
  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;

  @ApiProperty({ description: 'Telegram id, email, device or partner id, as the platform names the person' })
  external_id: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  username?: string | null;

  @ApiProperty({ format: 'date-time' })
  linked_at: string;
}
