import { AppError, OpPayloads } from '@karmabot/contracts';
import { customerIdForIdentity } from '@karmabot/domain';
import { consumeLinkCode, LinkCodeUser } from '../../customers/consume-link-code';
import { customerMerged } from '../../customers/customer-merged';
import { customerNotFound } from '../../customers/customer-not-found';
import { insertIdentity } from '../../customers/insert-identity';
import { lockIdentityOwner } from '../../customers/lock-identity-owner';
import { mergeCustomerInto } from '../../customers/merge-customer-into';
import { isUuid } from '../../db/is-uuid';
import { Sql } from '../../db/sql';
import { CustomerRow } from '../../rows/customer-row';
import { loadCustomerViews } from '../../views/load-customer-views';
import { OpHandler } from '../op-handler';

/**
 * Links a Telegram account and a customer, after checking the proof that the person holds
 * both. The caller's own side comes from the payload (the website's customer, or the Telegram
 * account the bot's update came from); the other side from the proof: a one-time code issued
 * for that side (consumed here, in the same transaction) or Telegram Login data that the
 * adapters already verified (`telegram_auth`, website side only). Then, either way:
 * - The Telegram account has no customer yet: the identity is added to the customer.
 * - It already belongs to this customer: nothing to do, answered as a success.
 * - It belongs to another live customer (the one the bot created): that customer is merged
 *   into this customer, with its orders, points and identities (`mergedCustomerId`).
 * - It belongs to a tombstone: refused, it cannot be told whose it is now.
 */
export const linkTelegram: OpHandler<'customer.link_telegram'> = async (tx, op) => {
  // Link codes are locked before customers, in every op that takes both, so none deadlock.
  const { customerId, telegramId } = await linkedPair(tx, op.payload, op.at);
  customerIdForIdentity('telegram', telegramId); // validates the Telegram id like registration does

  const locked = await lockIdentityOwner(tx, 'telegram', telegramId, [customerId]);
  const survivor = locked.others.get(customerId);
  if (!survivor) throw customerNotFound(customerId);
  if (survivor.merged_into) throw customerMerged(survivor);

  let result: CustomerRow = survivor;
  let mergedCustomerId: string | null = null;
  if (!locked.identity) {
    await insertIdentity(tx, { platform: 'telegram', externalId: telegramId, customerId, at: op.at });
  } else if (locked.owner.id !== customerId) {
    if (locked.owner.merged_into) {
      throw new AppError(
        'IDENTITY_LINKED_ELSEWHERE',
        `Telegram account ${telegramId} belongs to customer ${locked.owner.id}, which was merged into another`,
      );
    }
    result = await mergeCustomerInto(tx, locked.owner, survivor, op.at);
    mergedCustomerId = locked.owner.id;
  }

  const [customer] = await loadCustomerViews(tx, [result]);
  return { customer, mergedCustomerId };
};

/** The customer and the Telegram account to join: the caller's side, and what the proof names. */
async function linkedPair(
  tx: Sql,
  payload: OpPayloads['customer.link_telegram'],
  at: string,
): Promise<{ customerId: string; telegramId: string }> {
  const user = callerSide(payload);
  const { proof } = payload;
  if (proof?.kind === 'telegram_auth') {
    if ('customerId' in user) return { customerId: user.customerId, telegramId: proof.telegramId };
    throw new AppError(
      'LINK_PROOF_INVALID',
      'Telegram Login data proves a Telegram account, the side asking here: the customer needs a link code',
    );
  }
  if (proof?.kind !== 'code') {
    throw new AppError('LINK_PROOF_INVALID', 'A link code or Telegram Login data is required');
  }
  const pair = await consumeLinkCode(tx, { codeHash: proof.codeHash, user, at });
  if (pair === null) {
    throw new AppError('LINK_PROOF_INVALID', 'The link code is invalid, expired or already used');
  }
  return pair;
}

/** Exactly one side asks: a customer by id, or a Telegram account. */
function callerSide(payload: OpPayloads['customer.link_telegram']): LinkCodeUser {
  const { customerId, telegramId } = payload as { customerId?: unknown; telegramId?: unknown };
  if ((customerId === undefined) === (telegramId === undefined)) {
    throw new AppError('VALIDATION_FAILED', 'A link names exactly one side: customerId or telegramId', [
      { field: 'customer_id', message: 'exactly one of customer_id and telegram_id' },
    ]);
  }
  if (telegramId !== undefined) return { telegramId: String(telegramId) };
  if (!isUuid(customerId)) throw customerNotFound(String(customerId));
  return { customerId: customerId as string };
}
