import { Job, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { AppError, Op, OpOutcome, SerializedAppError } from '@karmabot/contracts';
import { deriveId } from '@karmabot/domain';
import { DeferredJob } from './deferred-job';
import { LineHead } from './eligible-in-order';

export const DEFERRED_QUEUE_NAME = 'deferred-ops';

/** What `enqueue` did: queued now, or found the same op already queued. */
export interface Enqueued {
  job: DeferredJob;
  isDuplicate: boolean;
}

/** An op the queue knows, as `op.get` reports it. */
export type QueuedOpState = (OpOutcome & { actor: string }) | null;

export interface DeferredQueueStats {
  /** Queued ops not applied yet: waiting, replaying, retrying or parked. */
  depth: number;
  /** Of which parked until the other store returns. */
  parked: number;
  /** Ops that could not be applied and wait for an operator (BullMQ's failed set). */
  failed: number;
  /** Age of the oldest op still queued, in seconds; null when none is. */
  oldestAgeSeconds: number | null;
}

/**
 * The deferred-write queue of CACHE_ONLY (DESIGN, "Writes: operations"): a BullMQ queue under
 * REDIS_PREFIX with one job per op (jobId = opId, so an op is queued once however often it is
 * sent), plus a few Redis structures under `<prefix>deferred:` that the replay needs:
 * - `seq`: INCR, the replay order;
 * - `line:<key>`: a sorted set per ordering key (score = seq), the ops of one customer still to
 *   apply, whose head is the only one that may go next;
 * - `pending`: every op still to apply, by enqueue time (depth and oldest age);
 * - `parked`: ops waiting for the other store (their customer is only there);
 * - `order-owner`: the customer of each order placed while queued, so its status changes join
 *   that customer's line.
 * Jobs are never removed before they are applied (completed jobs are kept for an hour, failed
 * ones until an operator acts), so a restart or a Redis restart with AOF loses nothing.
 */
export class DeferredQueue {
  readonly queue: Queue<DeferredJob>;

  constructor(
    private readonly redis: Redis,
    /** REDIS_PREFIX: every key and the BullMQ prefix start with it. */
    private readonly prefix: string,
  ) {
    this.queue = new Queue<DeferredJob>(DEFERRED_QUEUE_NAME, {
      connection: redis,
      prefix: `${prefix}bull`,
      defaultJobOptions: {
        // Only unexpected errors (a bug, a broken row) use attempts: outages, missing rows and
        // waiting for an earlier op delay the job without spending one.
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 3600, count: 50_000 },
        removeOnFail: false,
      },
    });
  }

  key(...parts: string[]): string {
    return `${this.prefix}deferred:${parts.join(':')}`;
  }

  /**
   * Queues `op` under `orderingKey`. The same op id again answers the job already queued; with
   * another request body it is IDEMPOTENCY_KEY_REUSED, as a store would answer.
   */
  async enqueue(op: Op, orderingKey: string): Promise<Enqueued> {
    const existing = await this.queue.getJob(op.opId);
    if (existing?.data) return { job: this.sameRequest(existing.data, op), isDuplicate: true };
    const seq = await this.redis.incr(this.key('seq'));
    const job: DeferredJob = { op, seq, key: orderingKey, enqueuedAt: new Date().toISOString() };
    const bookkeeping = this.redis
      .multi()
      .zadd(this.key('line', orderingKey), seq, op.opId)
      .zadd(this.key('pending'), Date.now(), op.opId);
    if (op.type === 'order.place') {
      bookkeeping.hset(this.key('order-owner'), orderIdOf(op), orderingKey.replace(/^customer:/, ''));
    }
    await bookkeeping.exec();
    const added = await this.queue.add(op.type, job, { jobId: op.opId });
    // Two sends of one op racing: BullMQ kept the first job; answer it.
    if (added.data.seq !== seq) return { job: this.sameRequest(added.data, op), isDuplicate: true };
    return { job, isDuplicate: false };
  }

  /** The op's state as the queue knows it, or null when the queue never had it (or forgot it). */
  async find(opId: string): Promise<QueuedOpState> {
    const job = await this.queue.getJob(opId).catch(() => undefined);
    if (!job?.data) return null;
    const { op } = job.data;
    const base = { opId: op.opId, type: op.type, actor: op.actor, at: op.at, replayed: false };
    const state = await job.getState();
    if (state === 'completed') {
      const outcome = job.returnvalue as OpOutcome | undefined;
      return outcome ? { ...outcome, actor: op.actor } : { ...base, state: 'queued' };
    }
    if (state === 'failed') {
      // A job fails for good with its reason as a serialized AppError (see ReplayBatcher).
      const parsed = safeJson(job.failedReason);
      const error: SerializedAppError = AppError.isSerialized(parsed)
        ? parsed
        : { code: 'INTERNAL', detail: job.failedReason || 'could not be applied' };
      return { ...base, state: 'rejected', error };
    }
    return { ...base, state: 'queued' };
  }

  /** The ops still queued in one line, in replay order (for the read cache's overlay). */
  async queuedOpsOf(orderingKey: string): Promise<Op[]> {
    const ids = await this.redis.zrange(this.key('line', orderingKey), 0, -1);
    const jobs = await Promise.all(ids.map((id) => this.queue.getJob(id)));
    return jobs.filter((job): job is Job<DeferredJob> => Boolean(job?.data)).map((job) => job.data.op);
  }

  /** The first `count` entries of each line, in one round trip. */
  async lineHeads(keys: Map<string, number>): Promise<Map<string, LineHead>> {
    const pipeline = this.redis.pipeline();
    const order = [...keys.entries()];
    for (const [key, count] of order) pipeline.zrange(this.key('line', key), 0, count, 'WITHSCORES');
    const replies = (await pipeline.exec()) ?? [];
    const heads = new Map<string, LineHead>();
    order.forEach(([key, count], i) => {
      const [error, flat] = replies[i] ?? [];
      if (error) throw error;
      const values = flat as string[];
      const entries: LineHead['entries'] = [];
      for (let j = 0; j < values.length; j += 2)
        entries.push({ opId: values[j], seq: Number(values[j + 1]) });
      heads.set(key, { entries, isWhole: entries.length <= count });
    });
    return heads;
  }

  /** Forgets the bookkeeping of ops that were decided (or failed for good), in one round trip. */
  async settle(jobs: readonly DeferredJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const { op, key } of jobs) {
      pipeline.zrem(this.key('line', key), op.opId);
      if (op.type === 'order.place') pipeline.hdel(this.key('order-owner'), orderIdOf(op));
    }
    const ids = jobs.map((job) => job.op.opId);
    pipeline.zrem(this.key('pending'), ...ids);
    pipeline.srem(this.key('parked'), ...ids);
    pipeline.hdel(this.key('retries'), ...ids);
    await pipeline.exec();
  }

  /** Marks ops as parked (or not) until the other store returns. */
  async setParked(opIds: readonly string[], isParked: boolean): Promise<void> {
    if (opIds.length === 0) return;
    if (isParked) await this.redis.sadd(this.key('parked'), ...opIds);
    else await this.redis.srem(this.key('parked'), ...opIds);
  }

  /**
   * Moves every parked op back to waiting now (a store returned: what was missing may be there),
   * instead of at the end of its backoff. Resolves how many were woken.
   */
  async wakeParked(): Promise<number> {
    const ids = await this.redis.smembers(this.key('parked'));
    let woken = 0;
    for (const id of ids) {
      const job = await this.queue.getJob(id);
      if (job && (await job.isDelayed())) {
        await job.promote().catch(() => undefined);
        woken++;
      }
    }
    return woken;
  }

  async isParked(opId: string): Promise<boolean> {
    return (await this.redis.sismember(this.key('parked'), opId)) === 1;
  }

  /** Counts one more delayed retry of `opId` and answers how many it has had. */
  async countRetry(opId: string): Promise<number> {
    return this.redis.hincrby(this.key('retries'), opId, 1);
  }

  /** The customer of an order placed while queued, if one is. */
  async ownerOfQueuedOrder(orderId: string): Promise<string | undefined> {
    return (await this.redis.hget(this.key('order-owner'), orderId)) ?? undefined;
  }

  /** Ops still to apply that a store could take now (parked ones excluded). */
  async pendingCount(): Promise<number> {
    const [[, depth], [, parked]] = (await this.redis
      .multi()
      .zcard(this.key('pending'))
      .scard(this.key('parked'))
      .exec()) as [[unknown, number], [unknown, number]];
    return Math.max(0, depth - parked);
  }

  async stats(): Promise<DeferredQueueStats> {
    const [depth, parked, oldest, failed] = await Promise.all([
      this.redis.zcard(this.key('pending')),
      this.redis.scard(this.key('parked')),
      this.redis.zrange(this.key('pending'), 0, 0, 'WITHSCORES'),
      this.queue.getFailedCount(),
    ]);
    const oldestAgeSeconds = oldest.length ? Math.max(0, (Date.now() - Number(oldest[1])) / 1000) : null;
    return { depth, parked, failed, oldestAgeSeconds };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  private sameRequest(queued: DeferredJob, op: Op): DeferredJob {
    if (queued.op.requestHash !== op.requestHash) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request; use a new key for a new request',
      );
    }
    return queued;
  }
}

/** The id of the order an `order.place` op creates (derived from the op, as on a store). */
function orderIdOf(op: Op): string {
  return deriveId(op.opId, 'order');
}

function safeJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
