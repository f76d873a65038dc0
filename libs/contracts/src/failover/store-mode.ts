/**
 * Which stores take writes (DESIGN, "Writes: operations"): both up → FULL_OPERATIONAL, one up →
 * POSTGRESQL_ONLY (the primary) or SUPABASE_ONLY (the backup), none → CACHE_ONLY (deferred queue).
 */
export const STORE_MODES = ['FULL_OPERATIONAL', 'POSTGRESQL_ONLY', 'SUPABASE_ONLY', 'CACHE_ONLY'] as const;
export type StoreMode = (typeof STORE_MODES)[number];

/** The two databases, as the failover repository names them. */
export const STORE_NAMES = ['primary', 'backup'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/**
 * A store's circuit breaker: `closed` takes traffic; `open` takes none; `recovering` answered
 * enough healthy probes and is being caught up before it closes.
 */
export const BREAKER_STATES = ['closed', 'open', 'recovering'] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

/** Where a read was served from; the gateway shows it as `X-Data-Source`. */
export const DATA_SOURCES = ['primary', 'backup', 'cache'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/**
 * A read that says where it was served from. Persistence sets `source` on the top level of its
 * query answers; the gateway moves it into the `X-Data-Source` header (never into the body).
 */
export interface Sourced {
  source?: DataSource;
}
