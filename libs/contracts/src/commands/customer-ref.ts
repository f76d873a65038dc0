/**
 * A customer named by any of its identities. Adapters resolve it to the live customer
 * (following `mergedInto`), so a client may keep using an identity that was merged away.
 */
export type CustomerRef = { telegramId: string } | { email: string } | { customerId: string };
