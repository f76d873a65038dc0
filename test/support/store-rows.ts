import { Client } from 'pg';

/** Runs one query on a store database and returns its rows (tests read both stores directly). */
export async function rowsOf<R extends Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** How many orders each op created on a store, for the ops given: exactly-once means all 1. */
export async function ordersPerOp(url: string, opIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await rowsOf<{ op_id: string; n: string }>(
    url,
    `SELECT op_id::text, count(*) AS n FROM orders WHERE op_id = ANY($1::uuid[]) GROUP BY op_id`,
    [opIds],
  );
  return new Map(rows.map((row) => [row.op_id, Number(row.n)]));
}
