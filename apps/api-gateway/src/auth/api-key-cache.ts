import { ApiKeyRecord } from '@karmabot/contracts';

export interface ApiKeyCacheOptions {
  /** How long a found key is trusted without asking persistence again. */
  ttlMs: number;
  /** How long "no such prefix" is remembered: short, so a new key works at once elsewhere. */
  negativeTtlMs: number;
  /** Bound on entries; the least recently used goes first. */
  maxEntries: number;
}

export interface ApiKeyCacheStats {
  size: number;
  maxEntries: number;
  ttlSeconds: number;
  hits: number;
  misses: number;
}

const DEFAULTS: ApiKeyCacheOptions = { ttlMs: 30_000, negativeTtlMs: 5_000, maxEntries: 10_000 };

interface Entry {
  record: ApiKeyRecord | null;
  expiresAt: number;
}

/**
 * The gateway's in-memory cache of key rows by prefix, so a request does not cost an RPC.
 * Revocations evict entries at once (pub/sub); the TTL bounds how long a missed eviction can
 * matter. `generation` changes on every eviction, so a lookup that started before a revocation
 * does not put the stale row back.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly options: ApiKeyCacheOptions;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(
    options: Partial<ApiKeyCacheOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  get generation(): number {
    return this.evictions;
  }

  /** The cached row, `null` for a cached miss, `undefined` when persistence must be asked. */
  get(prefix: string): ApiKeyRecord | null | undefined {
    const entry = this.entries.get(prefix);
    if (!entry || entry.expiresAt <= this.now()) {
      if (entry) this.entries.delete(prefix);
      this.misses++;
      return undefined;
    }
    // Re-inserting moves the entry to the end of the Map's order: the order is the LRU list.
    this.entries.delete(prefix);
    this.entries.set(prefix, entry);
    this.hits++;
    return entry.record;
  }

  /** Stores a lookup's answer unless an eviction happened since `generation` was read. */
  set(prefix: string, record: ApiKeyRecord | null, generation: number): void {
    if (generation !== this.evictions) return;
    const ttl = record ? this.options.ttlMs : this.options.negativeTtlMs;
    this.entries.delete(prefix);
    this.entries.set(prefix, { record, expiresAt: this.now() + ttl });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  evict(prefix: string): void {
    this.evictions++;
    this.entries.delete(prefix);
  }

  clear(): void {
    this.evictions++;
    this.entries.clear();
  }

  stats(): ApiKeyCacheStats {
    return {
      size: this.entries.size,
      maxEntries: this.options.maxEntries,
      ttlSeconds: this.options.ttlMs / 1000,
      hits: this.hits,
      misses: this.misses,
    };
  }
}
