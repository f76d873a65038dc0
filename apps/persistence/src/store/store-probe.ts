/** One store's health as `store.status` reports it. */
export interface StoreProbe {
  up: boolean;
  /** Round trip of the probe; null when it failed. */
  latencyMs: number | null;
  /** The most recent failure, kept after recovery; null if it never failed since start. */
  lastError: string | null;
}
