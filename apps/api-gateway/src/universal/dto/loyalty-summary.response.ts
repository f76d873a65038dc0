import { ApiProperty } from '@nestjs/swagger';
import { LOYALTY_TIERS, LoyaltyTier } from '@karmabot/contracts';
import { LedgerEntryResponse } from './ledger-entry.response';

export class LoyaltySummaryResponse {
  @ApiProperty({ format: 'uuid' })
  customer_id: string;

  @ApiProperty({ description: 'Points available to redeem' })
  balance: number;

  @ApiProperty({ description: 'Points earned on orders not yet paid' })
  pending: number;

  @ApiProperty()
  lifetime_earned: number;

  @ApiProperty({ enum: LOYALTY_TIERS })
  tier: LoyaltyTier;

  @ApiProperty({ type: [LedgerEntryResponse], description: 'Newest first' })
  recent_entries: LedgerEntryResponse[];
}
