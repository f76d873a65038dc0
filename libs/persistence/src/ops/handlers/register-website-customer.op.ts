import { AppError } from '@karmabot/contracts';
import { customerIdForIdentity, normalizeEmail } from '@karmabot/domain';
import { insertCustomer } from '../../customers/insert-customer';
import { insertIdentity } from '../../customers/insert-identity';
import { findCustomerView } from '../../views/find-customer-view';
import { OpHandler } from '../op-handler';

/**
 * Registers a website customer under its normalized email, with the id derived from that
 * email and a `website` identity whose external id is the email. An email already used by any
 * customer, live or merged, is refused. Two different ops racing for one email collide on the
 * primary key or the email index; the loser is retried by applyOp and then sees EMAIL_TAKEN.
 */
export const registerWebsiteCustomer: OpHandler<'customer.register_website'> = async (tx, op) => {
  const { passwordHash, displayName } = op.payload;
  const id = customerIdForIdentity('website', op.payload.email);
  const email = normalizeEmail(op.payload.email);

  const taken = await tx.query(
    `SELECT 1 FROM customers WHERE id = $1 OR lower(email) = $2
     UNION ALL
     SELECT 1 FROM identities WHERE platform = 'website' AND external_id = $2
     LIMIT 1`,
    [id, email],
  );
  if (taken.rowCount) throw new AppError('EMAIL_TAKEN', `The email ${email} is already registered`);

  await insertCustomer(tx, { id, email, displayName, passwordHash, at: op.at });
  await insertIdentity(tx, { platform: 'website', externalId: email, customerId: id, at: op.at });
  const customer = await findCustomerView(tx, id);
  return { created: true, customer: customer! };
};
