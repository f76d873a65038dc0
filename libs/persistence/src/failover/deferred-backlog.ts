import { StoreName } from '@karmabot/contracts';

/** What the mode machine needs of the deferred-write queue while a store comes back. */
export interface DeferredBacklog {
  /**
   * Queued ops a store could take now: waiting, being replayed, or retrying. Ops parked until
   * the other store returns (their customer is only there) do not count: they cannot drain now.
   */
  pendingCount(): Promise<number>;
  /** Replays queued ops into `store` from now on; null stops replaying. */
  setReplayTarget(store: StoreName | null): void;
}
