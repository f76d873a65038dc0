/** Where a customer identity or an order comes from. */
export const PLATFORMS = ['telegram', 'website', 'mobile', 'desktop', 'partner'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * What an API key may do: act for one of the platforms, or `merchant` (move orders to
 * paid/fulfilled/refunded, which a customer-facing client must never be able to do).
 */
export const API_KEY_SCOPES = [...PLATFORMS, 'merchant'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
