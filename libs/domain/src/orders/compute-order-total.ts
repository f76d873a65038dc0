import { FieldError } from '@karmabot/contracts/errors/field-error';
import { OrderItem } from '@karmabot/contracts/orders';
import { InvalidOrder } from '../errors/invalid-order';
import { ORDER_LIMITS } from './order-limits';

/**
 * The total is always computed here from the items, never taken from a client. Items are
 * checked at run time as well as by type, because they arrive over RPC and replays.
 * Field names are snake_case because they are reported to HTTP clients as sent.
 */
export function computeOrderTotal(items: readonly OrderItem[]): number {
  if (!Array.isArray(items)) throw new InvalidOrder([{ field: 'items', message: 'must be a list' }]);
  if (items.length === 0) throw new InvalidOrder([{ field: 'items', message: 'must not be empty' }]);
  if (items.length > ORDER_LIMITS.maxItems) {
    throw new InvalidOrder([{ field: 'items', message: `must hold at most ${ORDER_LIMITS.maxItems} items` }]);
  }

  const errors: FieldError[] = [];
  items.forEach((item: unknown, i) => errors.push(...itemErrors(item, `items[${i}]`)));
  if (errors.length > 0) throw new InvalidOrder(errors);

  let totalMinor = 0;
  for (const item of items) {
    totalMinor += item.qty * item.unitPriceMinor;
    // Checked per step: once past 2^53 a sum can round back to a value that looks safe.
    if (!Number.isSafeInteger(totalMinor)) {
      throw new InvalidOrder([{ field: 'items', message: 'total exceeds the largest supported amount' }]);
    }
  }
  return totalMinor;
}

function itemErrors(item: unknown, path: string): FieldError[] {
  if (typeof item !== 'object' || item === null) return [{ field: path, message: 'must be an object' }];
  const { sku, name, qty, unitPriceMinor } = item as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (typeof sku !== 'string' || sku.trim() === '') {
    errors.push({ field: `${path}.sku`, message: 'must be a non-empty string' });
  }
  if (typeof name !== 'string' || name.trim() === '') {
    errors.push({ field: `${path}.name`, message: 'must be a non-empty string' });
  }
  if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 1 || qty > ORDER_LIMITS.maxQty) {
    errors.push({ field: `${path}.qty`, message: `must be an integer from 1 to ${ORDER_LIMITS.maxQty}` });
  }
  if (typeof unitPriceMinor !== 'number' || !Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) {
    errors.push({
      field: `${path}.unit_price_minor`,
      message: 'must be a non-negative integer in minor units',
    });
  }
  return errors;
}
