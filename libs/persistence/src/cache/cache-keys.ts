/** The keys of the read cache, one spelling for the cache, its invalidations and its overlay. */
export const CacheKeys = {
  customer: (customerId: string) => `customer:${customerId}`,
  identity: (platform: string, externalId: string) => `identity:${platform}:${externalId}`,
  loyalty: (customerId: string) => `loyalty:${customerId}`,
  order: (orderId: string) => `order:${orderId}`,
  apiKey: (prefix: string) => `api-key:${prefix}`,
  op: (opId: string) => `op:${opId}`,
};
