import type { Pool, PoolClient } from 'pg';
import { Op, OpOutcome, StoreName } from '@karmabot/contracts';
import { isConnectionBroken } from '../db/is-connection-broken';
import { toStoreError } from '../db/to-store-error';
import { isStoreUnavailable } from '../failover/store-unavailable';
import { applyOpInTransaction } from '../ops/apply-op';
import { assertValidOp } from '../ops/assert-valid-op';

/** One op of a batch and the line (ordering key) it belongs to. */
export interface BatchItem {
  op: Op;
  key: string;
}

export type BatchResult =
  /** Applied or rejected: the decision is committed. */
  | { kind: 'decided'; outcome: OpOutcome }
  /** Nothing was decided (an outage, a missing row, a bug): the op is still to apply. */
  | { kind: 'failed'; error: unknown }
  /** Not tried: an earlier op of the same key failed in this batch, so its line pauses. */
  | { kind: 'skipped' };

/** SQLSTATEs after which one op is simply run again in its savepoint (as applyOp does). */
const RETRYABLE_STATES = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 3;

/**
 * Applies `items` in order in ONE transaction (group commit), each op in a savepoint of its own
 * so a bad op fails alone (issue 4, Precisions: "Group commit semantics"). The per-op logic is
 * applyOp's own (applyOpInTransaction): an op replayed here is decided exactly as a live one,
 * its `ops` row and recorded effects included, with `origin` the store it is applied on; an op
 * already applied answers its stored outcome. Once an op of a key fails, the later ops of that
 * key are skipped. If the COMMIT itself fails, every op of the batch is reported failed
 * (nothing of it is known to be stored; applying it again is harmless).
 */
export async function applyBatch(
  pool: Pool,
  items: readonly BatchItem[],
  origin: StoreName,
): Promise<BatchResult[]> {
  if (items.length === 0) return [];
  const client = await pool.connect().catch((error: unknown) => {
    throw toStoreError(error);
  });
  let broken: Error | undefined;
  const results: BatchResult[] = [];
  try {
    await client.query('BEGIN');
    const stopped = new Set<string>();
    for (const { op, key } of items) {
      if (stopped.has(key)) {
        results.push({ kind: 'skipped' });
        continue;
      }
      try {
        results.push({ kind: 'decided', outcome: await applyInSavepoint(client, op, origin) });
      } catch (error) {
        // The connection is gone: nothing of the batch can commit; the outer catch reports it.
        if (isConnectionBroken(error)) throw error;
        stopped.add(key);
        const failure = toStoreError(error);
        results.push({ kind: 'failed', error: failure });
        if (isStoreUnavailable(failure)) break;
      }
    }
    while (results.length < items.length) results.push({ kind: 'skipped' });
    await client.query('COMMIT');
    return results;
  } catch (error) {
    if (isConnectionBroken(error)) broken = error as Error;
    else await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    const failure = toStoreError(error);
    return items.map(() => ({ kind: 'failed', error: failure }));
  } finally {
    client.release(broken);
  }
}

async function applyInSavepoint(client: PoolClient, op: Op, origin: StoreName): Promise<OpOutcome> {
  assertValidOp(op);
  const normalized: Op = { ...op, at: new Date(op.at).toISOString() };
  for (let attempt = 1; ; attempt++) {
    await client.query('SAVEPOINT batch_op');
    try {
      const outcome = await applyOpInTransaction(client, normalized, origin);
      await client.query('RELEASE SAVEPOINT batch_op');
      return outcome;
    } catch (error) {
      if (isConnectionBroken(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT batch_op');
      const state = (error as { code?: unknown })?.code;
      if (attempt < MAX_ATTEMPTS && typeof state === 'string' && RETRYABLE_STATES.has(state)) continue;
      throw error;
    }
  }
}
