import { CustomerRef } from '@karmabot/contracts';
import { CustomerRefBody } from './dto/customer-ref.body';
import { pickExactlyOne } from './validation/pick-exactly-one';

const REF_KEYS = ['telegram_id', 'email', 'customer_id'] as const;

/** The identity a body names, exactly one of telegram_id, email, customer_id; `path` names a nested body. */
export function customerRefOf(body: CustomerRefBody, path = ''): CustomerRef {
  const key = pickExactlyOne(body, REF_KEYS, path);
  if (key === 'telegram_id') return { telegramId: body.telegram_id as string };
  if (key === 'email') return { email: body.email as string };
  return { customerId: body.customer_id as string };
}
