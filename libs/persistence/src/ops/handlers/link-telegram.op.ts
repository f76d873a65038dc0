import { AppError, OpPayloads } from '@karmabot/contracts';
import { customerIdForIdentity } from '@karmabot/domain';
import { consumeLinkCode } from '../../customers/consume-link-code';
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
 * Links a Telegram account to a website customer, after checking the proof that the person
 * holds both: a one-time code (consumed here, in the same transaction) or Telegram Login data
 * that the adapters already verified (`telegram_auth`).
 * - The Telegram account has no customer yet: the identity is added to the website customer.
 * - It already belongs to this customer: nothing to do, answered as a success.
 * - It belongs to another live customer (the one the bot created): that customer is merged
 *   into the website customer, with its orders, points and identities (`mergedCustomerId`).
 * - It belongs to a tombstone: refused, it cannot be told whose it is now.
 */
export const linkTelegram: OpHandler<'customer.link_telegram'> = async (tx, op) => {
  const { customerId } = op.payload;
  if (!isUuid(customerId)) throw customerNotFound(String(customerId));
  // Link codes are locked before customers, in every op that takes both, so none deadlock.
  const telegramId = await provenTelegramId(tx, op.payload, op.at);
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

async function provenTelegramId(
  tx: Sql,
  { customerId, proof }: OpPayloads['customer.link_telegram'],
  at: string,
): Promise<string> {
  if (proof?.kind === 'telegram_auth') return proof.telegramId;
  if (proof?.kind !== 'code') {
    throw new AppError('LINK_PROOF_INVALID', 'A link code or Telegram Login data is required');
  }
  const telegramId = await consumeLinkCode(tx, { codeHash: proof.codeHash, customerId, at });
  if (telegramId === null) {
    throw new AppError('LINK_PROOF_INVALID', 'The link code is invalid, expired or already used');
  }
  return telegramId;
}
