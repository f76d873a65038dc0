import {
  AppError,
  CustomerView,
  DataSource,
  LoyaltySummaryView,
  Op,
  OpOutcome,
  OrderView,
  QueryContracts,
  QueryPattern,
  StoreName,
} from '@karmabot/contracts';
import { customerIdForIdentity } from '@karmabot/domain';
import { QueuedOverlay } from '../cache/queued-overlay';
import { ReadCache } from '../cache/read-cache';
import { DeferredQueue } from '../deferred/deferred-queue';
import { isRedemption, refusalToQueue } from '../deferred/deferrable-ops';
import { orderingKeyOf } from '../deferred/ordering-key';
import { Store } from '../store/store';
import { FailoverLog, SILENT_LOG } from './failover-log';
import { ModeMachine } from './mode-machine';
import { isStoreUnavailable, storeUnavailable } from './store-unavailable';
import { WriteGate } from './write-gate';
import { WriteTarget } from './write-target';

type Request<P extends QueryPattern> = QueryContracts[P]['request'];
type Response<P extends QueryPattern> = QueryContracts[P]['response'];

/** Whether a queued write may be taken: Redis keeps it through a crash, or a developer said it need not. */
export interface QueueDurability {
  isDurable: boolean;
  allowsVolatile: boolean;
}

export interface FailoverStoreOptions {
  stores: Record<StoreName, Store>;
  machine: ModeMachine;
  gate: WriteGate;
  cache: ReadCache;
  /** The deferred-write queue; null when Redis cannot hold one (every CACHE_ONLY write is 503). */
  queue: DeferredQueue | null;
  durability: () => QueueDurability;
  /** Every op a store decided through this repository (to tell the other replicas' caches). */
  onDecided?: (op: Op, outcome: OpOutcome, store: StoreName) => void;
  log?: FailoverLog;
}

/** Reads that say where they came from (the gateway's X-Data-Source). */
const SOURCED = new Set<QueryPattern>([
  'query.customer.by-id',
  'query.customer.by-identity',
  'query.customer.search',
  'query.order.by-id',
  'query.loyalty.ledger',
]);

/** Tries a write gets: a store failing mid-write is confirmed and the write re-routed, at most twice. */
const MAX_WRITE_ATTEMPTS = 3;

const other = (store: StoreName): StoreName => (store === 'primary' ? 'backup' : 'primary');

function isNotFound(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'NOT_FOUND' || error.code.endsWith('_NOT_FOUND'));
}

/**
 * The failover repository: the Store every RPC handler uses (STORE), choosing per call between
 * the primary, the backup, the deferred-write queue and the local cache by the mode (DESIGN,
 * "Writes: operations", routing table).
 * - A write goes to the mode's target. When that store fails with STORE_UNAVAILABLE, the mode
 *   machine confirms with a probe; if the store is out, the write is routed again under the new
 *   mode (deterministic ids make an op that did commit before the failure harmless to resend);
 *   if not (a statement timeout, a full pool), the 503 stands and the client retries.
 * - In CACHE_ONLY a deferrable op is queued and answered `queued`; the others get 503 with
 *   Retry-After. A redemption is refused while the writing store may be behind (the backup).
 * - A read is served hot from the cache, else from the first up store (primary → backup), else
 *   from the cache with the queued ops laid over; something never cached is a 503, never a hang.
 */
export class FailoverStore implements Store {
  private readonly log: FailoverLog;

  constructor(private readonly options: FailoverStoreOptions) {
    this.log = options.log ?? SILENT_LOG;
  }

  get mode() {
    return this.options.machine.mode;
  }

  async applyOp(op: Op): Promise<OpOutcome> {
    for (let attempt = 1; ; attempt++) {
      const leave = await this.options.gate.enter();
      let target: WriteTarget = 'queue';
      let failure: AppError;
      try {
        target = this.options.machine.writeTarget();
        if (target === 'queue') return await this.defer(op);
        if (target === 'backup' && isRedemption(op)) {
          throw storeUnavailable(
            'The primary database is down and the backup may lack its latest ledger entries: redeeming points waits until it returns',
          );
        }
        const outcome = await this.options.stores[target].applyOp(op);
        this.decided(op, outcome, target);
        return outcome;
      } catch (error) {
        if (target !== 'queue' && isNotFound(error) && this.mayBeOnlyOnTheOther(target, op)) {
          // Missing is not rejected (issue 4, Precisions): the row may be on the store that is
          // down, so the op waits in the queue until the stores converge.
          return await this.defer(op, error);
        }
        if (!isStoreUnavailable(error) || target === 'queue' || attempt >= MAX_WRITE_ATTEMPTS) throw error;
        failure = error;
      } finally {
        leave();
      }
      const isOut = await this.options.machine.confirmFailure(target, failure.message);
      this.log.warn('failover.write_failed', { op_id: op.opId, store: target, rerouted: isOut });
      if (!isOut) throw failure;
    }
  }

  async query<P extends QueryPattern>(pattern: P, request: Request<P>): Promise<Response<P>> {
    const isCacheOnly = this.options.machine.mode === 'CACHE_ONLY';
    if (!isCacheOnly && ReadCache.caches(pattern)) {
      const hot = this.options.cache.hot(pattern, request);
      if (hot !== undefined) return this.sourced(pattern, hot, 'cache');
    }
    for (const store of this.options.machine.readOrder()) {
      try {
        let response = await this.options.stores[store].query(pattern, request);
        this.options.cache.remember(pattern, request, response);
        if (pattern === 'op.get' && response === null && this.options.queue) {
          // Not decided on the store yet: it may still wait in the queue (parked, or draining).
          response = (await this.options.queue.find((request as Request<'op.get'>).opId)) as Response<P>;
        }
        if (response === null && ReadCache.caches(pattern) && this.mayBeBehind(store)) {
          // This store may be behind the one that is down: what we saw there still counts.
          const cached = await this.fromCache(pattern, request).catch(() => null);
          if (cached !== null) return cached;
        }
        return this.sourced(pattern, response, store);
      } catch (error) {
        if (!isStoreUnavailable(error)) throw error;
        void this.options.machine.confirmFailure(store, error.message);
      }
    }
    return this.fromCache(pattern, request);
  }

  async ping(): Promise<number> {
    for (const store of this.options.machine.readOrder()) {
      try {
        return await this.options.stores[store].ping();
      } catch (error) {
        if (!isStoreUnavailable(error)) throw error;
      }
    }
    throw storeUnavailable('No database is reachable');
  }

  /** Prunes each store that is up; the other prunes once it is back (the job runs hourly). */
  async pruneOps(before: Date): Promise<number> {
    let deleted = 0;
    for (const store of this.options.machine.readOrder()) {
      deleted += await this.options.stores[store].pruneOps(before);
    }
    return deleted;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.options.stores).map((store) => store.close()));
  }

  /**
   * Whether `store` may lack a row `op` needs because the other store, which may hold it, is
   * down: the backup writing while the primary is down may be behind by the replication lag of
   * the crash. (The primary is never behind: it takes writes back only once caught up.)
   */
  private mayBeOnlyOnTheOther(store: StoreName, op: Op): boolean {
    return this.mayBeBehind(store) && refusalToQueue(op) === null && this.options.queue !== null;
  }

  private mayBeBehind(store: StoreName): boolean {
    return store === 'backup' && !this.options.machine.isUp(other(store));
  }

  /** Queues `op`; `notFound` is the store's answer when the op is queued because a row was missing. */
  private async defer(op: Op, notFound?: AppError): Promise<OpOutcome> {
    const refusal = refusalToQueue(op);
    if (refusal) throw refusal;
    const known = this.options.cache.outcomeOf(op.opId);
    if (known) {
      if (known.requestHash !== op.requestHash) {
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used for a different request; use a new key for a new request',
        );
      }
      return { ...known.outcome, replayed: true };
    }
    const queue = this.options.queue;
    const durability = this.options.durability();
    if (!queue || (!durability.isDurable && !durability.allowsVolatile)) {
      if (notFound) throw notFound;
      throw storeUnavailable(
        'No database is reachable and Redis is not configured to keep queued writes through a crash ' +
          '(AOF with appendfsync always, maxmemory-policy noeviction); retry shortly',
      );
    }
    const key = orderingKeyOf(op, {
      customerOfOrder: (orderId) => this.options.cache.customerOfOrder(orderId),
      customerOfIdentity: (platform, externalId) =>
        this.options.cache.customerOfIdentity(platform, externalId),
    });
    const lineKey =
      key.startsWith('order:') && op.type === 'order.status_change' ? await this.lineOfQueuedOrder(key) : key;
    const { job, isDuplicate } = await queue.enqueue(op, lineKey);
    this.log.info('deferred.queued', {
      op_id: op.opId,
      type: op.type,
      seq: job.seq,
      line: lineKey,
      because: notFound ? notFound.code : 'no store is up',
    });
    return { opId: op.opId, type: op.type, state: 'queued', replayed: isDuplicate, at: job.op.at };
  }

  /** A status change of an order placed while queued joins its customer's line. */
  private async lineOfQueuedOrder(orderKey: string): Promise<string> {
    const owner = await this.options.queue?.ownerOfQueuedOrder(orderKey.slice('order:'.length));
    return owner ? `customer:${owner}` : orderKey;
  }

  private decided(op: Op, outcome: OpOutcome, store: StoreName): void {
    this.options.cache.noteDecided(op, outcome);
    this.options.onDecided?.(op, outcome, store);
  }

  /** No store answered: the cache, with what is still queued laid over it. */
  private async fromCache<P extends QueryPattern>(pattern: P, request: Request<P>): Promise<Response<P>> {
    const cache = this.options.cache;
    const queue = this.options.queue;
    const line = async (key: string) => (queue ? queue.queuedOpsOf(key) : []);
    let answer: unknown;
    switch (pattern) {
      case 'op.get': {
        const { opId } = request as Request<'op.get'>;
        answer = (queue && (await queue.find(opId))) ?? cache.fallback(pattern, request);
        break;
      }
      case 'query.customer.by-id': {
        const { customerId } = request as Request<'query.customer.by-id'>;
        const base = (cache.fallback(pattern, request) as CustomerView | undefined) ?? null;
        answer = QueuedOverlay.customer(base, await line(`customer:${customerId}`), customerId);
        break;
      }
      case 'query.customer.by-identity': {
        const { platform, externalId } = request as Request<'query.customer.by-identity'>;
        const customerId =
          cache.customerOfIdentity(platform, externalId) ??
          (platform === 'telegram' ? customerIdForIdentity('telegram', String(externalId)) : undefined);
        if (!customerId) break;
        const base =
          (cache.fallback('query.customer.by-id', { customerId }) as CustomerView | undefined) ?? null;
        answer = QueuedOverlay.customer(base, await line(`customer:${customerId}`), customerId);
        break;
      }
      case 'query.order.by-id': {
        const { orderId } = request as Request<'query.order.by-id'>;
        const base = (cache.fallback(pattern, request) as OrderView | undefined) ?? null;
        const owner = base?.customerId ?? (await queue?.ownerOfQueuedOrder(orderId));
        const ops = [...(owner ? await line(`customer:${owner}`) : []), ...(await line(`order:${orderId}`))];
        answer = QueuedOverlay.order(base, ops, orderId);
        break;
      }
      case 'query.loyalty.ledger': {
        const base = cache.fallback(pattern, request) as LoyaltySummaryView | undefined;
        if (base) answer = QueuedOverlay.loyalty(base, await line(`customer:${base.customerId}`));
        break;
      }
      default:
        answer = cache.fallback(pattern, request);
    }
    if (answer === undefined || answer === null) {
      throw storeUnavailable(
        `No database is reachable and this ${pattern.replace(/^query\./, '')} is not cached`,
      );
    }
    return this.sourced(pattern, answer as Response<P>, 'cache');
  }

  private sourced<P extends QueryPattern>(
    pattern: P,
    response: Response<P>,
    source: DataSource,
  ): Response<P> {
    if (
      !SOURCED.has(pattern) ||
      response === null ||
      typeof response !== 'object' ||
      Array.isArray(response)
    ) {
      return response;
    }
    return { ...response, source } as Response<P>;
  }
}
