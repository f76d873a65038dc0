import { Sql } from '../db/sql';

/**
 * Uses up a one-time link code: it must exist, be unused, not be expired at the op's time
 * (`at`, not the clock: a deferred op is judged as of when it was accepted) and have been
 * issued for this Telegram account. Returns false when any of that fails, saying nothing about
 * which, so a guesser learns nothing. The row is locked, so two ops cannot both use one code.
 */
export async function consumeLinkCode(
  tx: Sql,
  proof: { codeHash: string; telegramId: string; customerId: string; at: string },
): Promise<boolean> {
  const { rows } = await tx.query<{
    id: string;
    telegram_id: string;
    expires_at: Date;
    used_at: Date | null;
  }>(`SELECT id, telegram_id, expires_at, used_at FROM link_codes WHERE code_hash = $1 FOR UPDATE`, [
    proof.codeHash,
  ]);
  const code = rows[0];
  const usable =
    code !== undefined &&
    code.used_at === null &&
    code.expires_at.getTime() > new Date(proof.at).getTime() &&
    code.telegram_id === proof.telegramId;
  if (!usable) return false;
  await tx.query(`UPDATE link_codes SET used_at = $2, used_by_customer_id = $3 WHERE id = $1`, [
    code.id,
    proof.at,
    proof.customerId,
  ]);
  return true;
}
