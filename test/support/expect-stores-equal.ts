import { Client } from 'pg';

/**
 * Tables that are each store's own bookkeeping, not data: where replication got to, what it
 * found, which tables it copies, which migrations ran. Everything else must match row for row.
 */
const STORE_LOCAL_TABLES = new Set([
  'schema_migrations',
  'replication_state',
  'conflicts',
  'replicated_tables',
]);
/** Columns that are store-local in every table that has them (the op log's sequence and times). */
const STORE_LOCAL_COLUMNS = ['seq', 'xid', 'applied_at'];
/** Rows shown per table and side when the stores differ. */
const SHOWN = 5;

export interface StoreDifference {
  onlyPrimary: number;
  onlyBackup: number;
  /** A few rows of each side that the other lacks, for the failure message. */
  examples: { primary: unknown[]; backup: unknown[] };
}

/**
 * Every data table of both databases, row by row, without store-local columns (`seq`, `xid`,
 * `applied_at`): what "the two databases end equal" means (issue 4, "Equal means"). Tables are
 * found in the catalog, so one added later (devices, mode_events) is compared without a change here.
 */
export async function storeDifferences(
  primaryUrl: string,
  backupUrl: string,
): Promise<Record<string, StoreDifference>> {
  const [primary, backup] = await Promise.all([dumpTables(primaryUrl), dumpTables(backupUrl)]);
  const differences: Record<string, StoreDifference> = {};
  for (const table of [...new Set([...primary.keys(), ...backup.keys()])].sort()) {
    const left = primary.get(table) ?? [];
    const right = backup.get(table) ?? [];
    const rightSet = new Set(right);
    const leftSet = new Set(left);
    const onlyPrimary = left.filter((row) => !rightSet.has(row));
    const onlyBackup = right.filter((row) => !leftSet.has(row));
    if (onlyPrimary.length || onlyBackup.length || left.length !== right.length) {
      differences[table] = {
        onlyPrimary: onlyPrimary.length,
        onlyBackup: onlyBackup.length,
        examples: {
          primary: onlyPrimary.slice(0, SHOWN).map((row) => JSON.parse(row)),
          backup: onlyBackup.slice(0, SHOWN).map((row) => JSON.parse(row)),
        },
      };
    }
  }
  return differences;
}

/** Fails (with the differing rows) unless both databases hold the same data. */
export async function expectStoresEqual(primaryUrl: string, backupUrl: string): Promise<void> {
  expect(await storeDifferences(primaryUrl, backupUrl)).toEqual({});
}

/** Each data table as the sorted JSON text of its rows. */
async function dumpTables(url: string): Promise<Map<string, string[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const dump = new Map<string, string[]>();
    for (const { table_name: table } of tables) {
      if (STORE_LOCAL_TABLES.has(table)) continue;
      const drop = STORE_LOCAL_COLUMNS.map((column) => ` - '${column}'`).join('');
      const { rows } = await client.query<{ row: string }>(
        `SELECT (to_jsonb(t)${drop})::text AS row FROM "${table.replace(/"/g, '""')}" t ORDER BY 1`,
      );
      dump.set(
        table,
        rows.map((r) => r.row),
      );
    }
    return dump;
  } finally {
    await client.end();
  }
}
