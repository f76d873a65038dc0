import { Sql } from '../db/sql';

/**
 * Uses up a one-time link code and answers the Telegram account it was issued for: it must
 * exist, be unused and not be expired at the op's time (`at`, not the clock: a deferred op is
 * judged as of when it was accepted). Returns null when any of that fails, saying nothing about
 * which, so a guesser learns nothing. The row is locked, so two ops cannot both use one code.
 */
export async function consumeLinkCode(
  tx: Sql,
  proof: { codeHash: string; customerId: string; at: string },
): Promise<string | null> {
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
    code !== undefined && code.used_at === null && code.expires_at.getTime() > new Date(proof.at).getTime();
  if (!usable) return null;
  await tx.query(`UPDATE link_codes SET used_at = $2, used_by_customer_id = $3 WHERE id = $1`, [
    code.id,
    proof.at,
    proof.customerId,
  ]);
  return code.telegram_id;
}
