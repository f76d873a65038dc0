import { AppError } from '@karmabot/contracts';

/**
 * The one key of `keys` the body sets, for bodies that name a thing one of several ways
 * (`telegram_id | email | customer_id`). class-validator checks fields one at a time, so this
 * rule across fields is checked here, with the same 400 shape. `path` prefixes field names
 * of a nested object (`customer.email`).
 */
export function pickExactlyOne<K extends string>(
  body: Partial<Record<K, unknown>>,
  keys: readonly K[],
  path = '',
): K {
  const present = keys.filter((key) => body[key] !== undefined && body[key] !== null);
  if (present.length === 1) return present[0];
  const message =
    present.length === 0
      ? `one of ${keys.join(', ')} is required`
      : `only one of ${keys.join(', ')} may be sent, got ${present.join(' and ')}`;
  const fields = present.length === 0 ? keys : present;
  throw new AppError(
    'VALIDATION_FAILED',
    `The request has invalid fields: ${message}`,
    fields.map((key) => ({ field: path ? `${path}.${key}` : key, message })),
  );
}
