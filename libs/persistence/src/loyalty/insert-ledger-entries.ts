import { deriveId, LedgerEntryDraft } from '@karmabot/domain';
import { Sql } from '../db/sql';

export interface LedgerEntriesOfOp {
  opId: string;
  customerId: string;
  /** The op's `at`: the entries' time on every store. */
  at: string;
  entries: readonly LedgerEntryDraft[];
}

/**
 * Appends an op's ledger entries in one statement. Entry n takes the id `deriveId(opId,
 * 'ledger:n')`, so the same op writes the same ids on either store and a second write of it
 * would hit the primary key instead of doubling the points.
 */
export async function insertLedgerEntries(
  tx: Sql,
  { opId, customerId, at, entries }: LedgerEntriesOfOp,
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO loyalty_ledger (id, customer_id, order_id, kind, bucket, points, reason, op_id, at)
     SELECT e.id, $1, e.order_id, e.kind, e.bucket, e.points, e.reason, $2, $3
       FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::int[], $9::text[])
            AS e(id, order_id, kind, bucket, points, reason)`,
    [
      customerId,
      opId,
      at,
      entries.map((_, n) => deriveId(opId, `ledger:${n}`)),
      entries.map((entry) => entry.orderId ?? null),
      entries.map((entry) => entry.kind),
      entries.map((entry) => entry.bucket),
      entries.map((entry) => entry.points),
      entries.map((entry) => entry.reason ?? null),
    ],
  );
}
