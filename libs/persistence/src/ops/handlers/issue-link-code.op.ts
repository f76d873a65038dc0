import { AppError } from '@karmabot/contracts';
import { deriveId } from '@karmabot/domain';
import { OpHandler } from '../op-handler';

/**
 * Stores a link code for a Telegram account: only its peppered hash and expiry (the plain code
 * was shown once by the bot and never reaches the op log). A used or expired code with the same
 * hash is cleared first: codes are random, so a collision is with a dead code, not a live one.
 */
export const issueLinkCode: OpHandler<'link_code.issue'> = async (tx, op) => {
  const { telegramId, codeHash, expiresAt } = op.payload;
  const expires = new Date(expiresAt);
  if (Number.isNaN(expires.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'expires_at must be an ISO-8601 time', [
      { field: 'expires_at', message: 'must be an ISO-8601 time' },
    ]);
  }
  await tx.query(
    `DELETE FROM link_codes WHERE code_hash = $1 AND (used_at IS NOT NULL OR expires_at <= $2)`,
    [codeHash, op.at],
  );
  await tx.query(
    `INSERT INTO link_codes (id, telegram_id, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
    [deriveId(op.opId, 'link_code'), telegramId, codeHash, op.at, expires.toISOString()],
  );
  return { expiresAt: expires.toISOString() };
};
