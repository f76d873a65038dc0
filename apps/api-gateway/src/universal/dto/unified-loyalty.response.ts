import { ApiProperty } from '@nestjs/swagger';
import { IdentityResponse } from './identity.response';
import { LoyaltySummaryResponse } from './loyalty-summary.response';

/** One balance over every identity linked to the live customer. */
export class UnifiedLoyaltyResponse extends LoyaltySummaryResponse {
  @ApiProperty({ type: [IdentityResponse] })
  identities: IdentityResponse[];
}
