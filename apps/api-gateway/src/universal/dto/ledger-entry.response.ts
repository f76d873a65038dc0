import { ApiProperty } from '@nestjs/swagger';
import { LEDGER_BUCKETS, LEDGER_KINDS, LedgerBucket, LedgerKind } from '@karmabot/contracts';

export class LedgerEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: LEDGER_KINDS })
  kind: LedgerKind;

  @ApiProperty({ enum: LEDGER_BUCKETS })
  bucket: LedgerBucket;

  @ApiProperty({ description: 'Signed: positive adds to the bucket, negative takes from it' })
  points: number;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  order_id: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}
