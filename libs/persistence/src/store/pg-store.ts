import type { Pool } from 'pg';
import { Op, OpOutcome, QueryContracts, QueryPattern, StoreName } from '@karmabot/contracts';
import { createPgPool } from '../db/create-pg-pool';
import { PgPoolSettings } from '../db/pg-pool-settings';
import { toStoreError } from '../db/to-store-error';
import { applyOp } from '../ops/apply-op';
import { pruneOps } from '../ops/prune-ops';
import { QUERY_HANDLERS } from '../queries/query-handlers';
import { QueryHandler } from '../queries/query-handler';
import { PgReplicationEndpoint } from '../replication/pg-replication-endpoint';
import { Store } from './store';

/**
 * The {@link Store} on a PostgreSQL database: plain parameterized SQL on a pg pool for the hot
 * path (TypeORM only runs the migrations). Reads go straight to the pool; each op is one
 * transaction on one pooled connection.
 */
export class PgStore implements Store {
  private closed = false;
  /** This store as replication and reconciliation reach it (same pool). */
  readonly replication: PgReplicationEndpoint;

  constructor(
    private readonly pool: Pool,
    /** Which store this is: error messages, and the origin of the ops it decides. */
    readonly name: StoreName = 'primary',
  ) {
    // An idle connection that dies (server restart, cut network) is reported here; without a
    // listener the pool would crash the process. The next checkout reconnects.
    pool.on('error', () => undefined);
    this.replication = new PgReplicationEndpoint(pool, name);
  }

  static connect(settings: PgPoolSettings, name: StoreName = 'primary'): PgStore {
    return new PgStore(createPgPool({ ...settings, storeName: name }), name);
  }

  applyOp(op: Op): Promise<OpOutcome> {
    return this.guard(() => applyOp(this.pool, op, this.name));
  }

  async query<P extends QueryPattern>(
    pattern: P,
    request: QueryContracts[P]['request'],
  ): Promise<QueryContracts[P]['response']> {
    const handler = QUERY_HANDLERS[pattern] as QueryHandler<P> | undefined;
    if (!handler) throw new Error(`No query handler for ${pattern}`);
    return this.guard(() => handler(this.pool, request ?? {}));
  }

  async ping(): Promise<number> {
    const started = performance.now();
    await this.guard(() => this.pool.query('SELECT 1'));
    return Math.round((performance.now() - started) * 10) / 10;
  }

  pruneOps(before: Date): Promise<number> {
    return this.guard(() => pruneOps(this.pool, before));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, this.name);
    }
  }
}
