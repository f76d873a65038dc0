import { Sql } from '../db/sql';

/** The side that uses a code: the one its caller authenticated, never the one the code is for. */
export type LinkCodeUser = { customerId: string } | { telegramId: string };

/**
 * Uses up a one-time link code and answers the pair it joins: the side the code was issued for
 * (its `customer_id` or `telegram_id`) and the side using it (`user`). The code must exist, be
 * unused, not be expired at the op's time (`at`, not the clock: a deferred op is judged as of
 * when it was accepted), and have been issued for the OTHER side: a code typed back into the
 * side that obtained it proves nothing. Returns null when any of that fails, saying nothing
 * about which, so a guesser learns nothing, and leaves the code as it was. The row is locked,
 * so two ops cannot both use one code.
 */
export async function consumeLinkCode(
  tx: Sql,
  use: { codeHash: string; user: LinkCodeUser; at: string },
): Promise<{ customerId: string; telegramId: string } | null> {
  const { rows } = await tx.query<{
    id: string;
    telegram_id: string | null;
    customer_id: string | null;
    expires_at: Date;
    used_at: Date | null;
  }>(
    `SELECT id, telegram_id, customer_id, expires_at, used_at FROM link_codes WHERE code_hash = $1 FOR UPDATE`,
    [use.codeHash],
  );
  const code = rows[0];
  if (!code || code.used_at !== null || code.expires_at.getTime() <= new Date(use.at).getTime()) return null;
  const customerId = 'customerId' in use.user ? use.user.customerId : code.customer_id;
  const telegramId = 'telegramId' in use.user ? use.user.telegramId : code.telegram_id;
  // A code issued for the side using it leaves the other side unknown.
  if (customerId === null || telegramId === null) return null;
  await tx.query(`UPDATE link_codes SET used_at = $2, used_by_customer_id = $3 WHERE id = $1`, [
    code.id,
    use.at,
    customerId,
  ]);
  return { customerId, telegramId };
}
