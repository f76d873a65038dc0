interface Entry<V> {
  value: V;
  /** When it was stored (ms since epoch). */
  storedAt: number;
}

/**
 * A bounded map that forgets the least recently used entry first. A JavaScript Map keeps
 * insertion order, so re-inserting on each hit keeps the order an LRU list.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The entry and its age, or undefined. */
  get(key: string): { value: V; ageMs: number } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { value: entry.value, ageMs: this.now() - entry.storedAt };
  }

  set(key: string, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.now() });
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
