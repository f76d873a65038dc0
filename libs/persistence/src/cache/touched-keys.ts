import {
  ApiKeyView,
  LinkTelegramResult,
  Op,
  OpOutcome,
  OrderResult,
  RegisterCustomerResult,
} from '@karmabot/contracts';
import { deriveId, normalizeEmail } from '@karmabot/domain';
import { CacheKeys } from './cache-keys';

/**
 * The cache keys an op may have changed, from its payload and its decision: what every replica
 * drops when the op is applied or replicated anywhere (issue 4: "every applied op invalidates
 * what it touched, across persistence replicas").
 */
export function touchedKeys(op: Op, outcome?: OpOutcome): string[] {
  const payload = op.payload as Record<string, unknown>;
  const result = outcome?.state === 'applied' ? (outcome.result as Record<string, unknown>) : undefined;
  const keys = [CacheKeys.op(op.opId)];
  switch (op.type) {
    case 'customer.register_telegram': {
      keys.push(CacheKeys.identity('telegram', String(payload.telegramId)));
      const customer = (result as RegisterCustomerResult | undefined)?.customer;
      if (customer) keys.push(CacheKeys.customer(customer.id));
      break;
    }
    case 'customer.register_website': {
      keys.push(CacheKeys.identity('website', normalizeEmail(String(payload.email))));
      const customer = (result as RegisterCustomerResult | undefined)?.customer;
      if (customer) keys.push(CacheKeys.customer(customer.id));
      break;
    }
    case 'customer.update_profile':
      keys.push(CacheKeys.customer(String(payload.customerId)));
      break;
    case 'customer.link_telegram': {
      // Either side may be named by the payload, the other by the code; the decision names both.
      const linked = result as LinkTelegramResult | undefined;
      const proof = payload.proof as { telegramId?: string } | undefined;
      const telegramId = payload.telegramId ?? proof?.telegramId;
      const customerIds = [payload.customerId, linked?.customer.id, linked?.mergedCustomerId];
      for (const id of new Set(customerIds.filter((id): id is string => typeof id === 'string'))) {
        keys.push(CacheKeys.customer(id), CacheKeys.loyalty(id));
      }
      if (typeof telegramId === 'string') keys.push(CacheKeys.identity('telegram', telegramId));
      for (const identity of linked?.customer.identities ?? []) {
        keys.push(CacheKeys.identity(identity.platform, identity.externalId));
      }
      break;
    }
    case 'order.place':
      keys.push(CacheKeys.order(deriveId(op.opId, 'order')), CacheKeys.loyalty(String(payload.customerId)));
      break;
    case 'order.status_change': {
      keys.push(CacheKeys.order(String(payload.orderId)));
      const order = (result as OrderResult | undefined)?.order;
      if (order) keys.push(CacheKeys.loyalty(order.customerId));
      break;
    }
    case 'api_key.create':
    case 'api_key.revoke': {
      const key = result as ApiKeyView | undefined;
      if (key?.prefix) keys.push(CacheKeys.apiKey(key.prefix));
      if (op.type === 'api_key.create') keys.push(CacheKeys.apiKey(String(payload.prefix)));
      break;
    }
    default:
      break;
  }
  return keys;
}
