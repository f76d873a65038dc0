import type Redis from 'ioredis';
import { Op, OpOutcome } from '@karmabot/contracts';
import { ReadCache } from './read-cache';
import { touchedKeys } from './touched-keys';

interface Invalidation {
  origin: string;
  keys: string[];
}

/**
 * Keeps the read caches of every persistence replica honest (issue 4, Precisions: "every applied
 * or replicated op invalidates what it touched, across persistence replicas"): the keys an op
 * touched are dropped here at once and published on one channel; each replica drops what the
 * others publish. Keys are gathered for a tick, so a replay batch is one message, not thousands.
 */
export class CacheInvalidationBus {
  private buffered = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly publisher: Redis,
    private readonly channel: string,
    private readonly origin: string,
    private readonly cache: ReadCache,
  ) {}

  async start(subscriber: Redis): Promise<void> {
    subscriber.on('message', (channel, message) => {
      if (channel !== this.channel) return;
      try {
        const { origin, keys } = JSON.parse(message) as Invalidation;
        if (origin !== this.origin && Array.isArray(keys)) this.cache.invalidate(keys);
      } catch {
        // Not ours to understand: ignore.
      }
    });
    await subscriber.subscribe(this.channel);
  }

  /** An op this replica decided (the cache already dropped and refreshed its keys). */
  decidedHere(op: Op, outcome: OpOutcome): void {
    this.publish(touchedKeys(op, outcome));
  }

  /** An op applied elsewhere, e.g. copied by the replicator: drop its keys here and everywhere. */
  appliedElsewhere(op: Op, outcome?: OpOutcome): void {
    const keys = touchedKeys(op, outcome);
    this.cache.invalidate(keys);
    this.publish(keys);
  }

  private publish(keys: readonly string[]): void {
    for (const key of keys) this.buffered.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const message: Invalidation = { origin: this.origin, keys: [...this.buffered] };
      this.buffered = new Set();
      void this.publisher.publish(this.channel, JSON.stringify(message)).catch(() => undefined);
    });
  }
}
