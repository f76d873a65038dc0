import type { Pool, PoolClient } from 'pg';
import { AppError, Op, OpOutcome, OpType, SerializedAppError, StoreName } from '@karmabot/contracts';
import { inTransaction } from '../db/in-transaction';
import { toStoreError } from '../db/to-store-error';
import { OpRow } from '../rows/op-row';
import { toOpOutcome } from '../views/to-op-outcome';
import { assertValidOp } from './assert-valid-op';
import { decisionHash } from './decision-hash';
import { isDecidedRejection } from './is-decided-rejection';
import { OpHandler } from './op-handler';
import { OP_HANDLERS } from './op-handlers';

/**
 * SQLSTATEs after which the whole transaction is simply run again: a deadlock or
 * serialization failure, and a unique violation, which here means another op created the same
 * row (a customer from the same identity, the same email) while we were deciding. The rerun
 * sees that row and decides accordingly (created: false, EMAIL_TAKEN…).
 */
const RETRYABLE_STATES = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 3;

/**
 * Applies an op exactly once, in one transaction (DESIGN, "Writes: operations"):
 * 1. `INSERT INTO ops … ON CONFLICT (op_id) DO NOTHING`, with `origin`, the store deciding it
 *    (when not given: the `karma.store` setting of the connection, which PgStore's pool sets).
 *    When the row was already there (a replay, or a concurrent duplicate that waited on the
 *    primary key until the first one committed) nothing else runs: the stored outcome is
 *    answered with `replayed: true`, or IDEMPOTENCY_KEY_REUSED (422) when it was stored for
 *    another request body.
 * 2. The op's handler runs inside a savepoint, with `karma.op_id`/`karma.op_at` set for the
 *    transaction: triggers stamp every row it writes with the op and append the row images to
 *    `ops.effects`, which is what replication copies (docs/adr/0401). Its result is stored with the op.
 * 3. A rule that refuses the op (an AppError with a 4xx code) rolls back to the savepoint and
 *    the op is stored `rejected` with that error, so a replay gets the same refusal. A missing
 *    customer or order is not recorded (a later retry may succeed); any other error aborts the
 *    transaction and propagates, an outage as STORE_UNAVAILABLE.
 */
export async function applyOp(pool: Pool, op: Op, origin?: StoreName): Promise<OpOutcome> {
  assertValidOp(op);
  // One spelling of the time for every row the op writes and for its answer, on any store.
  const normalized: Op = { ...op, at: new Date(op.at).toISOString() };
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(pool, (tx) => applyOpInTransaction(tx, normalized, origin));
    } catch (error) {
      const state = (error as { code?: unknown })?.code;
      if (attempt < MAX_ATTEMPTS && typeof state === 'string' && RETRYABLE_STATES.has(state)) continue;
      throw toStoreError(error);
    }
  }
}

/**
 * Steps 1-3 above inside a transaction the caller opened (several ops may share one: group
 * commit). `op.at` must already be normalized to ISO-8601 UTC.
 */
export async function applyOpInTransaction(tx: PoolClient, op: Op, origin?: StoreName): Promise<OpOutcome> {
  // The op context is set in the same round trip as the insert; it is transaction-local, and
  // the next op of a shared transaction sets its own before its handler runs.
  const inserted = await tx.query(
    `WITH op_context AS (
       SELECT set_config('karma.op_id', $1::text, true), set_config('karma.op_at', $6::text, true))
     INSERT INTO ops (op_id, type, payload, actor, platform, at, request_hash, state, origin)
     SELECT $1::uuid, $2::text, $3::jsonb, $4::text, $5::text, $6::timestamptz, $7::text, 'applied',
            coalesce($8::text, nullif(current_setting('karma.store', true), ''))
       FROM op_context
     ON CONFLICT (op_id) DO NOTHING`,
    [
      op.opId,
      op.type,
      JSON.stringify(op.payload),
      op.actor,
      op.platform,
      op.at,
      op.requestHash,
      origin ?? null,
    ],
  );
  // Nothing was written, so ending this transaction with COMMIT is the same as a rollback.
  if (inserted.rowCount === 0) return storedOutcome(tx, op);

  await tx.query('SAVEPOINT op_effects');
  try {
    const handler = OP_HANDLERS[op.type] as OpHandler<OpType>;
    const result = await handler(tx, op);
    // The answer is read back from jsonb, so the first caller gets byte for byte what replays get.
    const stored = await tx.query<{ result: unknown }>(
      `UPDATE ops SET result = $2, result_hash = $3 WHERE op_id = $1 RETURNING result`,
      [op.opId, JSON.stringify(result), decisionHash(result)],
    );
    return {
      opId: op.opId,
      type: op.type,
      state: 'applied',
      replayed: false,
      at: op.at,
      result: stored.rows[0].result,
    };
  } catch (error) {
    if (!isDecidedRejection(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT op_effects');
    const serialized = error.toJSON();
    const stored = await tx.query<{ error: SerializedAppError }>(
      `UPDATE ops SET state = 'rejected', error = $2, result_hash = $3 WHERE op_id = $1 RETURNING error`,
      [op.opId, JSON.stringify(serialized), decisionHash(serialized)],
    );
    return {
      opId: op.opId,
      type: op.type,
      state: 'rejected',
      replayed: false,
      at: op.at,
      error: stored.rows[0].error,
    };
  }
}

async function storedOutcome(tx: PoolClient, op: Op): Promise<OpOutcome> {
  const { rows } = await tx.query<OpRow>(
    `SELECT op_id, type, actor, at, request_hash, state, result, error FROM ops WHERE op_id = $1`,
    [op.opId],
  );
  const stored = rows[0];
  // Only a retention delete between our insert and this read gets here; a rerun inserts afresh.
  if (!stored) throw Object.assign(new Error(`op ${op.opId} vanished during replay`), { code: '40001' });
  if (stored.request_hash !== op.requestHash) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request; use a new key for a new request',
    );
  }
  return toOpOutcome(stored, true);
}
