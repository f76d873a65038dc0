import { AppError } from '@karmabot/contracts';
import { deriveId } from '@karmabot/domain';
import { customerMerged } from '../../customers/customer-merged';
import { customerNotFound } from '../../customers/customer-not-found';
import { isUuid } from '../../db/is-uuid';
import { Sql } from '../../db/sql';
import { CUSTOMER_COLUMNS } from '../../rows/customer-columns';
import { CustomerRow } from '../../rows/customer-row';
import { OpHandler } from '../op-handler';

/**
 * Stores a link code issued FOR one side, a Telegram account or a website customer (exactly
 * one), to be used by the other: only its peppered hash and expiry (the plain code was shown
 * once and never reaches the op log). A used or expired code with the same hash is cleared
 * first: codes are random, so a collision is with a dead code, not a live one.
 */
export const issueLinkCode: OpHandler<'link_code.issue'> = async (tx, op) => {
  const { telegramId, customerId, codeHash, expiresAt } = op.payload;
  const expires = new Date(expiresAt);
  if (Number.isNaN(expires.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'expires_at must be an ISO-8601 time', [
      { field: 'expires_at', message: 'must be an ISO-8601 time' },
    ]);
  }
  if ((telegramId === undefined) === (customerId === undefined)) {
    throw new AppError('VALIDATION_FAILED', 'A link code is issued for exactly one side', [
      { field: 'customer_id', message: 'exactly one of customer_id and telegram_id' },
    ]);
  }
  await tx.query(
    `DELETE FROM link_codes WHERE code_hash = $1 AND (used_at IS NOT NULL OR expires_at <= $2)`,
    [codeHash, op.at],
  );
  // After the code rows: link codes are locked before customers, in every op that takes both.
  if (customerId !== undefined) await assertLiveCustomer(tx, customerId);
  await tx.query(
    `INSERT INTO link_codes (id, telegram_id, customer_id, code_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      deriveId(op.opId, 'link_code'),
      telegramId ?? null,
      customerId ?? null,
      codeHash,
      op.at,
      expires.toISOString(),
    ],
  );
  return { expiresAt: expires.toISOString() };
};

/** A code for a tombstone could never link: the customer it stands for is another one now. */
async function assertLiveCustomer(tx: Sql, customerId: string): Promise<void> {
  if (!isUuid(customerId)) throw customerNotFound(String(customerId));
  const { rows } = await tx.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1 FOR SHARE`,
    [customerId],
  );
  const customer = rows[0];
  if (!customer) throw customerNotFound(customerId);
  if (customer.merged_into) throw customerMerged(customer);
}
