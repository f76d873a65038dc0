import type Redis from 'ioredis';

/** Renews the lease only while this holder still has it (compare-and-extend). */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** Gives the lease up only if this holder still has it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export interface LeaseKeys {
  /** The lease itself: `<holder>|<token>`, with a TTL. */
  lease: string;
  /** INCR: each acquisition takes the next fencing token. */
  fence: string;
}

/**
 * The lease that makes one persistence process the mode's leader (issue 4, Precisions: "One
 * mode for the whole suite"): SET NX PX with a TTL, renewed every third of it. Each acquisition
 * takes a fencing token from INCR, strictly larger than any before it; what a leader publishes
 * carries its token, and a state stamped with a smaller one is ignored, so a leader that paused
 * (GC, SIGSTOP) past its TTL cannot overwrite its successor's decision.
 */
export class ModeLease {
  private held: { value: string; token: number } | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly keys: LeaseKeys,
    readonly holder: string,
    readonly ttlMs: number,
  ) {}

  get isHeld(): boolean {
    return this.held !== null;
  }

  /** The fencing token of the current holding, or null. */
  get token(): number | null {
    return this.held?.token ?? null;
  }

  /**
   * Takes the lease if free, or renews it if held; resolves whether this process holds it now.
   * A Redis error counts as not holding it: a leader that cannot reach Redis must stop deciding.
   */
  async refresh(): Promise<boolean> {
    try {
      if (this.held) {
        const renewed = (await this.redis.eval(
          RENEW,
          1,
          this.keys.lease,
          this.held.value,
          this.ttlMs,
        )) as number;
        if (renewed === 1) return true;
        this.held = null;
        return false;
      }
      const current = await this.redis.get(this.keys.lease);
      if (current) return false;
      const token = await this.redis.incr(this.keys.fence);
      const value = `${this.holder}|${token}`;
      const taken = await this.redis.set(this.keys.lease, value, 'PX', this.ttlMs, 'NX');
      if (taken !== 'OK') return false;
      this.held = { value, token };
      return true;
    } catch {
      this.held = null;
      return false;
    }
  }

  /** Who holds the lease now (`holder|token`), or null. */
  async currentHolder(): Promise<string | null> {
    return this.redis.get(this.keys.lease).catch(() => null);
  }

  async release(): Promise<void> {
    const held = this.held;
    this.held = null;
    if (!held) return;
    await this.redis.eval(RELEASE, 1, this.keys.lease, held.value).catch(() => undefined);
  }
}
