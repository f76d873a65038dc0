import type { Pool } from 'pg';
import { StoreName } from '@karmabot/contracts';
import { DirectionLag } from '../failover/catch-up';
import { toStoreError } from '../db/to-store-error';
import { ApplyReport } from './apply-report';
import { ConflictView } from './conflict-view';
import {
  NegativeBalance,
  OpDigestEntry,
  OpDigestPage,
  OpLocation,
  ReplicationEndpoint,
  StoredPosition,
} from './replication-endpoint';
import { ReplicationPosition } from './replication-position';
import { SerializedOps } from './serialized-ops';

/** The {@link ReplicationEndpoint} of a PostgreSQL store reached through `pg`. */
export class PgReplicationEndpoint implements ReplicationEndpoint {
  constructor(
    private readonly pool: Pool,
    readonly name: StoreName,
  ) {}

  readOutbox(after: ReplicationPosition, limit: number) {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ n: number; ops: string; last: ReplicationPosition | null }>(
        `SELECT n, ops::text AS ops, last FROM karma_outbox($1, $2::jsonb, $3)`,
        [this.name, JSON.stringify(after), limit],
      );
      return { ops: { json: rows[0].ops, count: rows[0].n }, last: rows[0].last };
    });
  }

  outboxHead(): Promise<ReplicationPosition | null> {
    return this.call('SELECT karma_outbox_head($1) AS v', [this.name]);
  }

  pending(after: ReplicationPosition): Promise<DirectionLag> {
    return this.call('SELECT karma_replication_pending($1, $2::jsonb) AS v', [
      this.name,
      JSON.stringify(after),
    ]);
  }

  opLocation(opId: string): Promise<OpLocation | null> {
    return this.call('SELECT karma_op_location($1) AS v', [opId]);
  }

  position(source: StoreName): Promise<StoredPosition> {
    return this.call('SELECT karma_replication_position($1) AS v', [source]);
  }

  applyOps(
    source: StoreName,
    ops: SerializedOps,
    move?: { from: ReplicationPosition; to: ReplicationPosition },
  ): Promise<ApplyReport> {
    return this.call('SELECT karma_apply_ops($1, $2::jsonb, $3::jsonb, $4::jsonb) AS v', [
      source,
      ops.json,
      move ? JSON.stringify(move.from) : null,
      move ? JSON.stringify(move.to) : null,
    ]);
  }

  opDigest(since: Date | null, afterSeq: string, limit: number): Promise<OpDigestPage> {
    return this.call('SELECT karma_op_digest($1, $2, $3) AS v', [
      since?.toISOString() ?? null,
      afterSeq,
      limit,
    ]);
  }

  opsLacking(digest: OpDigestEntry[]): Promise<string[]> {
    return this.call('SELECT karma_ops_lacking($1::jsonb) AS v', [JSON.stringify(digest)]);
  }

  readOps(opIds: string[]): Promise<SerializedOps> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ json: string; count: number }>(
        `SELECT r::text AS json, json_array_length(r) AS count FROM karma_read_ops($1::uuid[]) r`,
        [opIds],
      );
      return rows[0];
    });
  }

  deferredOps(source: StoreName): Promise<string[]> {
    return this.call('SELECT karma_deferred_ops($1) AS v', [source]);
  }

  async markReconciled(source: StoreName, through: Date): Promise<void> {
    await this.guard(() =>
      this.pool.query('SELECT karma_mark_reconciled($1, $2)', [source, through.toISOString()]),
    );
  }

  takeConflicts(): Promise<ConflictView[]> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ v: Record<string, unknown>[] }>(
        'SELECT karma_take_conflicts() AS v',
      );
      return rows[0].v.map(toConflictView);
    });
  }

  negativeBalances(): Promise<NegativeBalance[]> {
    return this.call('SELECT karma_negative_balances() AS v', []);
  }

  /** One function call whose single jsonb value is the answer. */
  private call<T>(text: string, values: unknown[]): Promise<T> {
    return this.guard(async () => (await this.pool.query<{ v: T }>(text, values)).rows[0].v);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, this.name);
    }
  }
}

/** A `conflicts` row (snake_case, as `karma_take_conflicts` returns it) as a {@link ConflictView}. */
function toConflictView(row: Record<string, unknown>): ConflictView {
  return {
    id: Number(row.id),
    opId: String(row.op_id),
    source: row.source as StoreName,
    reason: row.reason as ConflictView['reason'],
    relation: (row.relation as string | null) ?? null,
    rowKey: (row.row_key as Record<string, unknown> | null) ?? null,
    sourceVersion: row.source_version ?? null,
    targetVersion: row.target_version ?? null,
    resolution: String(row.resolution),
    detail: (row.detail as string | null) ?? null,
    detectedAt: String(row.detected_at),
  };
}
