import { customerIdForIdentity } from '@karmabot/domain';
import { insertCustomer } from '../../customers/insert-customer';
import { insertIdentity } from '../../customers/insert-identity';
import { lockIdentityOwner } from '../../customers/lock-identity-owner';
import { updateCustomerProfile } from '../../customers/update-customer-profile';
import { findCustomerView } from '../../views/find-customer-view';
import { loadCustomerViews } from '../../views/load-customer-views';
import { OpHandler } from '../op-handler';

/**
 * Registers a Telegram user, or finds the customer its identity already belongs to (which may
 * be a website customer it was linked to): `created: false` then, and a changed username is
 * refreshed, as are a first name and language the customer has no value for yet.
 */
export const registerTelegramCustomer: OpHandler<'customer.register_telegram'> = async (tx, op) => {
  const { telegramId, username, firstName, languageCode } = op.payload;
  const id = customerIdForIdentity('telegram', telegramId);

  const existing = await lockIdentityOwner(tx, 'telegram', telegramId);
  if (existing.identity) {
    if (username !== undefined && username !== existing.identity.username) {
      await tx.query(`UPDATE identities SET username = $3 WHERE platform = $1 AND external_id = $2`, [
        'telegram',
        telegramId,
        username,
      ]);
    }
    const owner = await updateCustomerProfile(
      tx,
      existing.owner,
      {
        display_name: existing.owner.display_name ?? firstName,
        locale: existing.owner.locale ?? languageCode,
      },
      op.at,
    );
    const [customer] = await loadCustomerViews(tx, [owner]);
    return { created: false, customer };
  }

  await insertCustomer(tx, { id, displayName: firstName, locale: languageCode, at: op.at });
  await insertIdentity(tx, {
    platform: 'telegram',
    externalId: telegramId,
    customerId: id,
    username,
    at: op.at,
  });
  const customer = await findCustomerView(tx, id);
  return { created: true, customer: customer! };
};
