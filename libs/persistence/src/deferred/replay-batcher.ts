import type { Pool } from 'pg';
import { AppError, Op, OpOutcome, SerializedAppError, StoreName } from '@karmabot/contracts';
import { FailoverLog, SILENT_LOG } from '../failover/failover-log';
import { isStoreUnavailable } from '../failover/store-unavailable';
import { Store } from '../store/store';
import { applyBatch, BatchItem, BatchResult } from './apply-batch';
import { DeferredJob } from './deferred-job';
import { DeferredQueue } from './deferred-queue';
import { eligibleInOrder } from './eligible-in-order';

/** What the replay needs from the rest of persistence. */
export interface ReplayContext {
  /** The store queued ops go to now; null while none may take them. */
  target(): StoreName | null;
  /** A pg pool on `store` for group-committed batches; null to apply op by op through the Store. */
  poolOf(store: StoreName): Pool | null;
  storeOf(store: StoreName): Store;
  /** A replay found `store` unreachable: let the mode machine confirm it. */
  onStoreFailure(store: StoreName, error: string): void;
  /** Whether a row missing on `store` may still come from the other one (down, or not caught up). */
  mayArriveLater(store: StoreName): boolean;
  /** Every op decided by the replay (to invalidate the cache and count it). */
  onDecided(op: Op, outcome: OpOutcome, store: StoreName): void;
}

/** What became of one queued op in a replay batch. */
export type ReplayVerdict =
  | { kind: 'decided'; outcome: OpOutcome }
  /** Not now: try again after `delayMs` (an outage, an earlier op first, a row still missing). */
  | { kind: 'wait'; delayMs: number; reason: string }
  /** Never: the op cannot apply on any store; kept as a failed job with this error. */
  | { kind: 'fail'; error: SerializedAppError }
  /** Unexpected (a bug, a broken row): left to the job's attempts and backoff. */
  | { kind: 'error'; error: unknown };

export interface ReplayBatcherOptions {
  /** Most ops in one transaction. */
  maxBatch?: number;
  /** Transactions run side by side, each on its own lines (customers). */
  parallelism?: number;
  /** Longest wait between two retries of one op. */
  maxDelayMs?: number;
  log?: FailoverLog;
}

interface Submission {
  job: DeferredJob;
  resolve: (verdict: ReplayVerdict) => void;
}

/** SQLSTATEs worth simply trying again: deadlock, serialization, a row created concurrently, lock timeout. */
const RETRYABLE_STATES = new Set(['40P01', '40001', '23505', '55P03']);

/**
 * Replays queued ops in group-committed batches (issue 4, Precisions: "Replay order"). The
 * recovery worker hands in each job it takes; whatever arrives while a batch commits forms the
 * next one ("a group flushes when full or when the previous commit returns"). In a batch:
 * 1. per line (customer), only ops that continue the line from its head may go (eligibleInOrder);
 *    the others wait, so a customer's queue pauses and is never reordered;
 * 2. lines are spread over `parallelism` transactions, each applying its ops in order with a
 *    savepoint each (applyBatch);
 * 3. a decision (applied, or rejected by a domain rule and recorded so) settles the op; an
 *    outage or a deadlock delays it with exponential backoff; a row missing while the other store
 *    may still bring it parks it; a row missing for good, or an invalid op, fails it for an
 *    operator to see — nothing is dropped.
 */
export class ReplayBatcher {
  private readonly pending: Submission[] = [];
  private flushing: Promise<void> | null = null;
  private readonly log: FailoverLog;
  private readonly maxBatch: number;
  private readonly parallelism: number;
  private readonly maxDelayMs: number;
  private decidedCount = 0;

  constructor(
    private readonly queue: DeferredQueue,
    private readonly context: ReplayContext,
    options: ReplayBatcherOptions = {},
  ) {
    this.log = options.log ?? SILENT_LOG;
    this.maxBatch = options.maxBatch ?? 500;
    this.parallelism = options.parallelism ?? 2;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
  }

  /** Ops decided since start. */
  get decided(): number {
    return this.decidedCount;
  }

  submit(job: DeferredJob): Promise<ReplayVerdict> {
    return new Promise((resolve) => {
      this.pending.push({ job, resolve });
      if (!this.flushing) this.flushing = this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the jobs the worker is fetching right now join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          await this.flush(batch);
        } catch (error) {
          this.log.error('deferred.replay_batch_failed', { error: (error as Error).message });
          for (const submission of batch) submission.resolve({ kind: 'error', error });
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  private async flush(batch: Submission[]): Promise<void> {
    const verdicts = new Map<Submission, ReplayVerdict>();
    const target = this.context.target();
    if (!target) {
      for (const submission of batch) verdicts.set(submission, wait(1000, 'no store takes replays now'));
      return this.finish(batch, verdicts, [], []);
    }

    // 1. Which ops continue their line.
    const byKey = new Map<string, Submission[]>();
    for (const submission of batch) {
      const line = byKey.get(submission.job.key) ?? [];
      line.push(submission);
      byKey.set(submission.job.key, line);
    }
    const heads = await this.queue.lineHeads(new Map([...byKey].map(([key, line]) => [key, line.length])));
    const ready: Submission[][] = [];
    const toPark: string[] = [];
    for (const [key, line] of byKey) {
      const jobs = line.map((submission) => ({
        opId: submission.job.op.opId,
        seq: submission.job.seq,
        submission,
      }));
      const head = heads.get(key)!;
      const { ready: go, waiting } = eligibleInOrder(jobs, head);
      if (go.length) ready.push(go.map((job) => job.submission));
      if (waiting.length) {
        const blocker = head.entries[0]?.opId;
        const isParked = blocker ? await this.isStuckBehind(key, blocker) : false;
        for (const job of waiting) {
          verdicts.set(job.submission, wait(isParked ? 5000 : 100, `waits for op ${blocker} of its line`));
          if (isParked) toPark.push(job.opId);
        }
      }
    }

    // 2. Apply, lines spread over parallel transactions.
    const shards = spread(ready, this.parallelism);
    const results = await Promise.all(shards.map((shard) => this.apply(target, shard)));

    // 3. Decide what each result means for its job.
    const settled: DeferredJob[] = [];
    for (const [i, shard] of shards.entries()) {
      for (const [j, submission] of shard.entries()) {
        const verdict = await this.verdictOf(results[i][j], submission.job, target, toPark);
        verdicts.set(submission, verdict);
        if (verdict.kind === 'decided' || verdict.kind === 'fail') settled.push(submission.job);
        if (verdict.kind === 'decided') {
          this.decidedCount++;
          this.context.onDecided(submission.job.op, verdict.outcome, target);
        }
      }
    }
    return this.finish(batch, verdicts, settled, toPark);
  }

  private async finish(
    batch: Submission[],
    verdicts: Map<Submission, ReplayVerdict>,
    settled: DeferredJob[],
    parked: string[],
  ): Promise<void> {
    // The bookkeeping first: once a job completes, its line must already show the next op.
    await this.queue.settle(settled);
    await this.queue.setParked(parked, true);
    for (const submission of batch) {
      submission.resolve(verdicts.get(submission) ?? wait(1000, 'not tried'));
    }
  }

  private async apply(target: StoreName, shard: Submission[]): Promise<BatchResult[]> {
    const items: BatchItem[] = shard.map(({ job }) => ({ op: job.op, key: job.key }));
    const pool = this.context.poolOf(target);
    if (pool) return applyBatch(pool, items, target);
    // A store without a pg pool (the backup through supabase-js): one op at a time, same rules.
    const store = this.context.storeOf(target);
    const stopped = new Set<string>();
    const results: BatchResult[] = [];
    for (const item of items) {
      if (stopped.has(item.key)) {
        results.push({ kind: 'skipped' });
        continue;
      }
      try {
        results.push({ kind: 'decided', outcome: await store.applyOp(item.op) });
      } catch (error) {
        stopped.add(item.key);
        results.push({ kind: 'failed', error });
      }
    }
    return results;
  }

  private async verdictOf(
    result: BatchResult,
    job: DeferredJob,
    target: StoreName,
    toPark: string[],
  ): Promise<ReplayVerdict> {
    if (result.kind === 'decided') return { kind: 'decided', outcome: result.outcome };
    if (result.kind === 'skipped') return wait(200, 'an earlier op of its line failed in this batch');
    const error = result.error;
    const message = error instanceof Error ? error.message : String(error);
    if (isStoreUnavailable(error)) {
      this.context.onStoreFailure(target, message);
      return wait(await this.backoff(job), `${target} unavailable: ${message}`);
    }
    if (isNotFound(error)) {
      if (this.context.mayArriveLater(target)) {
        toPark.push(job.op.opId);
        return wait(await this.backoff(job, 1000), `parked: ${message}`);
      }
      return { kind: 'fail', error: error.toJSON() };
    }
    if (error instanceof AppError && error.status < 500) return { kind: 'fail', error: error.toJSON() };
    const state = (error as { code?: unknown })?.code;
    if (typeof state === 'string' && RETRYABLE_STATES.has(state)) {
      return wait(await this.backoff(job), `retryable ${state}: ${message}`);
    }
    this.log.error('deferred.replay_error', { op_id: job.op.opId, type: job.op.type, error: message });
    return { kind: 'error', error };
  }

  private async backoff(job: DeferredJob, baseMs = 200): Promise<number> {
    const retries = await this.queue.countRetry(job.op.opId);
    const delay = Math.min(this.maxDelayMs, baseMs * 2 ** Math.min(retries - 1, 20));
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  }

  /**
   * Whether a line waits on an op that cannot go now: parked, or gone (its job was decided or
   * lost before its line entry was removed — a crash between two writes), which is then cleaned.
   */
  private async isStuckBehind(key: string, blockerId: string): Promise<boolean> {
    if (await this.queue.isParked(blockerId)) return true;
    const state = await this.queue.queue.getJobState(blockerId);
    if (state === 'completed' || state === 'failed' || state === 'unknown') {
      const job = state === 'unknown' ? null : await this.queue.queue.getJob(blockerId);
      const stale =
        job?.data ?? ({ op: { opId: blockerId, type: 'unknown' }, key } as unknown as DeferredJob);
      await this.queue.settle([stale]);
    }
    return false;
  }
}

function wait(delayMs: number, reason: string): ReplayVerdict {
  return { kind: 'wait', delayMs, reason };
}

function isNotFound(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'NOT_FOUND' || error.code.endsWith('_NOT_FOUND'));
}

/** Lines spread over `count` shards, each shard a list of ops with every line's ops in order. */
function spread<T>(lines: T[][], count: number): T[][] {
  const shards: T[][] = Array.from({ length: Math.max(1, Math.min(count, lines.length)) }, () => []);
  lines
    .sort((a, b) => b.length - a.length)
    .forEach((line) => {
      const smallest = shards.reduce((min, shard) => (shard.length < min.length ? shard : min));
      smallest.push(...line);
    });
  return shards.filter((shard) => shard.length > 0);
}
