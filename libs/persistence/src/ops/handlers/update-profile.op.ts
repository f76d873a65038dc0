import { AppError } from '@karmabot/contracts';
import { customerMerged } from '../../customers/customer-merged';
import { customerNotFound } from '../../customers/customer-not-found';
import { lockCustomers } from '../../customers/lock-customers';
import { updateCustomerProfile } from '../../customers/update-customer-profile';
import { isUuid } from '../../db/is-uuid';
import { loadCustomerViews } from '../../views/load-customer-views';
import { OpHandler } from '../op-handler';

/**
 * Changes profile fields. With `expectedVersion` (If-Match) it applies only to that version,
 * so two clients editing at once cannot silently overwrite each other. The version goes up by
 * one when something actually changed.
 */
export const updateProfile: OpHandler<'customer.update_profile'> = async (tx, op) => {
  const { customerId, expectedVersion, changes } = op.payload;
  if (!isUuid(customerId)) throw customerNotFound(String(customerId));
  const current = (await lockCustomers(tx, [customerId])).get(customerId);
  if (!current) throw customerNotFound(customerId);
  if (current.merged_into) throw customerMerged(current);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `Customer ${customerId} is at version ${current.version}, not ${expectedVersion}`,
    );
  }
  const updated = await updateCustomerProfile(
    tx,
    current,
    { display_name: changes?.displayName, phone: changes?.phone, locale: changes?.locale },
    op.at,
  );
  const [customer] = await loadCustomerViews(tx, [updated]);
  return { customer };
};
