import {
  CustomerView,
  LoyaltySummaryView,
  Op,
  OpOutcome,
  OrderResult,
  QueryContracts,
  QueryPattern,
  RegisterCustomerResult,
  UpdateProfileResult,
} from '@karmabot/contracts';
import { normalizeEmail } from '@karmabot/domain';
import { CacheKeys } from './cache-keys';
import { LruCache } from './lru-cache';
import { touchedKeys } from './touched-keys';

export interface ReadCacheStats {
  size: number;
  capacity: number;
  hits: number;
  misses: number;
  /** hits ÷ (hits + misses), null before the first lookup. */
  hitRate: number | null;
}

/** An op's decision as this process answered it, for a resend while no store can be asked. */
export interface CachedOutcome {
  outcome: OpOutcome;
  requestHash: string;
  actor: string;
}

interface CachedLoyalty {
  view: LoyaltySummaryView;
  /** The recentLimit it was read with: it serves any request asking for as many or fewer. */
  recentLimit: number;
}

type Response<P extends QueryPattern> = QueryContracts[P]['response'];
type Request<P extends QueryPattern> = QueryContracts[P]['request'];

/** The reads the cache keeps: customers, identities, balances, orders and API keys. */
const CACHED_PATTERNS = new Set<QueryPattern>([
  'query.customer.by-id',
  'query.customer.by-identity',
  'query.order.by-id',
  'query.loyalty.ledger',
  'query.api-key.by-prefix',
  'op.get',
]);

/**
 * The persistence app's local read cache (issue 4: in-memory LRU of CACHE_SIZE entries):
 * customers, identities, balances, orders and API keys recently read or written, and the
 * decisions of recent ops. An entry younger than `hotMs` is served first in every mode; any
 * entry, however old, is the last resort when no store answers. Every op decided anywhere drops
 * what it touched (`invalidate`, fed across replicas by pub/sub); ops decided here also write
 * their fresh views through.
 */
export class ReadCache {
  private readonly lru: LruCache<unknown>;
  private hits = 0;
  private misses = 0;

  constructor(
    capacity: number,
    private readonly hotMs = 5000,
    now: () => number = Date.now,
  ) {
    this.lru = new LruCache(capacity, now);
  }

  static caches(pattern: QueryPattern): boolean {
    return CACHED_PATTERNS.has(pattern);
  }

  /** A fresh answer to serve before asking any store, or undefined. */
  hot<P extends QueryPattern>(pattern: P, request: Request<P>): Response<P> | undefined {
    if (pattern === 'op.get') return undefined;
    return this.lookup(pattern, request, this.hotMs, false);
  }

  /** The last known answer however old, or undefined when it was never cached (or evicted). */
  fallback<P extends QueryPattern>(pattern: P, request: Request<P>): Response<P> | undefined {
    return this.lookup(pattern, request, Infinity, true);
  }

  /** Keeps what a store answered. Nulls are not kept: the row may be created anywhere next. */
  remember<P extends QueryPattern>(pattern: P, request: Request<P>, response: Response<P>): void {
    if (response === null || response === undefined) return;
    switch (pattern) {
      case 'query.customer.by-id':
        this.rememberCustomer(response as CustomerView);
        break;
      case 'query.customer.by-identity': {
        const { platform, externalId } = request as Request<'query.customer.by-identity'>;
        const customer = response as CustomerView;
        this.lru.set(CacheKeys.identity(platform, identityKey(platform, externalId)), customer.id);
        this.rememberCustomer(customer);
        break;
      }
      case 'query.order.by-id': {
        const order = response as Response<'query.order.by-id'> & object;
        this.lru.set(CacheKeys.order(order.id), order);
        break;
      }
      case 'query.loyalty.ledger': {
        const view = response as LoyaltySummaryView;
        const { recentLimit } = request as Request<'query.loyalty.ledger'>;
        this.lru.set(CacheKeys.loyalty(view.customerId), { view, recentLimit } satisfies CachedLoyalty);
        break;
      }
      case 'query.api-key.by-prefix': {
        const { prefix } = request as Request<'query.api-key.by-prefix'>;
        this.lru.set(CacheKeys.apiKey(prefix), response);
        break;
      }
      default:
        break;
    }
  }

  /**
   * An op was decided by this process: drop what it touched, then keep the fresh views its
   * result carries and the decision itself. Returns the touched keys for the other replicas.
   */
  noteDecided(op: Op, outcome: OpOutcome): string[] {
    const keys = touchedKeys(op, outcome);
    this.invalidate(keys);
    this.lru.set(CacheKeys.op(op.opId), {
      outcome: { ...outcome, replayed: false },
      requestHash: op.requestHash,
      actor: op.actor,
    } satisfies CachedOutcome);
    if (outcome.state !== 'applied') return keys;
    const result = outcome.result as Partial<RegisterCustomerResult & UpdateProfileResult & OrderResult>;
    if (result?.customer) this.rememberCustomer(result.customer);
    if (op.type === 'customer.register_telegram' && result?.customer) {
      const { telegramId } = (op as Op<'customer.register_telegram'>).payload;
      this.lru.set(CacheKeys.identity('telegram', telegramId), result.customer.id);
    }
    if (result?.order) this.lru.set(CacheKeys.order(result.order.id), result.order);
    return keys;
  }

  invalidate(keys: readonly string[]): void {
    for (const key of keys) this.lru.delete(key);
  }

  /** The decision this process answered for `opId`, if it still remembers it. */
  outcomeOf(opId: string): CachedOutcome | undefined {
    return this.lru.get(CacheKeys.op(opId))?.value as CachedOutcome | undefined;
  }

  /** The customer of a cached order (to line up its queued status changes). */
  customerOfOrder(orderId: string): string | undefined {
    return (this.lru.get(CacheKeys.order(orderId))?.value as { customerId?: string } | undefined)?.customerId;
  }

  /** The customer a cached identity belongs to. */
  customerOfIdentity(platform: string, externalId: string): string | undefined {
    return this.lru.get(CacheKeys.identity(platform, identityKey(platform, externalId)))?.value as
      string | undefined;
  }

  stats(): ReadCacheStats {
    const lookups = this.hits + this.misses;
    return {
      size: this.lru.size,
      capacity: this.lru.capacity,
      hits: this.hits,
      misses: this.misses,
      hitRate: lookups ? Math.round((this.hits / lookups) * 1000) / 1000 : null,
    };
  }

  private rememberCustomer(customer: CustomerView): void {
    this.lru.set(CacheKeys.customer(customer.id), customer);
    for (const identity of customer.identities ?? []) {
      this.lru.set(CacheKeys.identity(identity.platform, identity.externalId), customer.id);
    }
  }

  private lookup<P extends QueryPattern>(
    pattern: P,
    request: Request<P>,
    maxAgeMs: number,
    countMiss: boolean,
  ): Response<P> | undefined {
    if (!CACHED_PATTERNS.has(pattern)) return undefined;
    const found = this.find(pattern, request, maxAgeMs);
    if (found !== undefined) this.hits++;
    else if (countMiss) this.misses++;
    return found;
  }

  private find<P extends QueryPattern>(
    pattern: P,
    request: Request<P>,
    maxAgeMs: number,
  ): Response<P> | undefined {
    const fresh = <V>(key: string): V | undefined => {
      const entry = this.lru.get(key);
      return entry && entry.ageMs <= maxAgeMs ? (entry.value as V) : undefined;
    };
    switch (pattern) {
      case 'query.customer.by-id':
        return fresh(CacheKeys.customer((request as Request<'query.customer.by-id'>).customerId));
      case 'query.customer.by-identity': {
        const { platform, externalId } = request as Request<'query.customer.by-identity'>;
        const customerId = fresh<string>(CacheKeys.identity(platform, identityKey(platform, externalId)));
        return customerId ? fresh(CacheKeys.customer(customerId)) : undefined;
      }
      case 'query.order.by-id':
        return fresh(CacheKeys.order((request as Request<'query.order.by-id'>).orderId));
      case 'query.loyalty.ledger': {
        const { customerId, recentLimit } = request as Request<'query.loyalty.ledger'>;
        const cached = fresh<CachedLoyalty>(CacheKeys.loyalty(customerId));
        if (!cached || cached.recentLimit < recentLimit) return undefined;
        return {
          ...cached.view,
          recentEntries: cached.view.recentEntries.slice(0, recentLimit),
        } as Response<P>;
      }
      case 'query.api-key.by-prefix':
        return fresh(CacheKeys.apiKey((request as Request<'query.api-key.by-prefix'>).prefix));
      case 'op.get': {
        const cached = fresh<CachedOutcome>(CacheKeys.op((request as Request<'op.get'>).opId));
        return cached
          ? ({ ...cached.outcome, replayed: false, actor: cached.actor } as Response<P>)
          : undefined;
      }
      default:
        return undefined;
    }
  }
}

/** Website identities are emails, stored normalized; others are kept as given. */
function identityKey(platform: string, externalId: string): string {
  return platform === 'website' ? normalizeEmail(String(externalId)) : String(externalId);
}
