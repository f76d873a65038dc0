import { withPgClient } from './with-pg-client';

/** One column of a sampled row: its name, type and default as the schema states them. */
export interface SampleColumn {
  name: string;
  dataType: string;
  /** The column's default expression, or null. */
  default: string | null;
}

export interface SampleRow {
  columns: SampleColumn[];
  /** The stored values (jsonb as parsed JSON, timestamps as strings). */
  values: Record<string, unknown>;
}

/**
 * One order exactly as the suite stored it — its ops row, its order row and its ledger entries,
 * with every column the schema has now — read back from the suite's database. pgbench writes
 * rows with the same columns and the same contents, so both do the same database work per
 * order whatever the schema grows (an `effects` column, row stamps…).
 */
export interface OrderSample {
  opId: string;
  orderId: string;
  customerId: string;
  ledgerIds: string[];
  ops: SampleRow;
  order: SampleRow;
  ledger: SampleRow[];
}

export async function readOrderSample(databaseUrl: string, opId: string): Promise<OrderSample> {
  return withPgClient(databaseUrl, async (client) => {
    const columnsOf = async (table: string): Promise<SampleColumn[]> =>
      (
        await client.query<SampleColumn>(
          `SELECT column_name AS name, data_type AS "dataType", column_default AS default
             FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1
            ORDER BY ordinal_position`,
          [table],
        )
      ).rows;
    const rowsOf = async (table: string, where: string) =>
      (
        await client.query<{ row: Record<string, unknown> }>(
          `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${where} = $1 ORDER BY 1`,
          [opId],
        )
      ).rows.map((r) => r.row);
    const [ops] = await rowsOf('ops', 'op_id');
    const [order] = await rowsOf('orders', 'op_id');
    const ledger = (await rowsOf('loyalty_ledger', 'op_id')).sort((a, b) =>
      String(a.id).localeCompare(String(b.id)),
    );
    if (!ops || !order || ledger.length === 0) {
      throw new Error(`The sample order (op ${opId}) is not fully in the suite's database`);
    }
    // One connection answers one query at a time.
    const opsColumns = await columnsOf('ops');
    const orderColumns = await columnsOf('orders');
    const ledgerColumns = await columnsOf('loyalty_ledger');
    return {
      opId,
      orderId: String(order.id),
      customerId: String(order.customer_id),
      ledgerIds: ledger.map((entry) => String(entry.id)),
      ops: { columns: opsColumns, values: ops },
      order: { columns: orderColumns, values: order },
      ledger: ledger.map((values) => ({ columns: ledgerColumns, values })),
    };
  });
}
