import { OrderSample, SampleRow } from './order-sample';

/** A pgbench custom script and the `-D` variables it reads. */
export interface PgbenchScript {
  name: string;
  /** Orders each transaction of the script writes. */
  ordersPerTransaction: number;
  text: string;
  /** Passed as `-D name=value`: values travel as query parameters, parsed by the server each time, as node-pg sends them. */
  variables: Record<string, string>;
}

/**
 * Customer n of the pgbench database (1-based). The suite's customers get ids derived from their
 * Telegram ids; pgbench's must be computable inside a script, which only has integers.
 */
export const PGBENCH_CUSTOMER_ID_SQL = (n: string) =>
  `('00000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/** pgbench binds each occurrence of a variable as a parameter, at most this many per statement. */
const PGBENCH_MAX_ARGS = 255;

/**
 * Columns the server fills in for the suite too (a sequence, the transaction id, now()): pgbench
 * leaves them to their defaults as well.
 */
const SERVER_FILLED_DEFAULT = /nextval\(|pg_current_xact_id\(|now\(\)|current_timestamp|clock_timestamp\(/i;

/** A fresh UUID from two random integers; `tag` tells the op, order and ledger ids of one order apart. */
const uuidOf = (tag: number, suffix: string) =>
  `(lpad(to_hex(:a${suffix}::int), 8, '0') || '-${String(tag).padStart(4, '0')}-4000-8000-' || ` +
  `lpad(to_hex(:b${suffix}::bigint), 12, '0'))::uuid`;

function randomVariables(customers: number, suffix: string): string {
  return [
    `\\set cust${suffix} random(1, ${customers})`,
    `\\set a${suffix} random(0, 2147483647)`,
    `\\set b${suffix} random(0, 140737488355327)`,
  ].join('\n');
}

/**
 * How one sampled row is written again: the ids of this order (op, order, ledger entries,
 * customer) become fresh per-transaction expressions, timestamps become now(), NULL stays NULL,
 * and every other value is a `-D` variable holding the sampled value.
 */
class RowTemplate {
  readonly columns: string[] = [];
  private readonly parts: ((suffix: string) => string)[] = [];

  constructor(
    table: string,
    row: SampleRow,
    sample: OrderSample,
    variables: Record<string, string>,
    rowTag: string,
  ) {
    const idExpression = new Map<string, (suffix: string) => string>([
      [sample.opId, (s) => uuidOf(0, s)],
      [sample.orderId, (s) => uuidOf(1, s)],
      ...sample.ledgerIds.map((id, n): [string, (s: string) => string] => [id, (s) => uuidOf(2 + n, s)]),
      [sample.customerId, (s) => PGBENCH_CUSTOMER_ID_SQL(`:cust${s}::int`)],
    ]);
    for (const column of row.columns) {
      if (column.default && SERVER_FILLED_DEFAULT.test(column.default)) continue;
      const value = row.values[column.name];
      this.columns.push(column.name);
      if (value === null || value === undefined) {
        this.parts.push(() => 'NULL');
      } else if (typeof value === 'string' && idExpression.has(value)) {
        this.parts.push(idExpression.get(value)!);
      } else if (column.dataType.startsWith('timestamp')) {
        this.parts.push(() => 'now()');
      } else {
        const name = `${table}_${column.name}${rowTag}`;
        variables[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
        this.parts.push(() => `:${name}`);
      }
    }
  }

  values(suffix: string): string {
    return `(${this.parts.map((part) => part(suffix)).join(', ')})`;
  }
}

/**
 * The database work of one order, as lean as it can be: the ops row (with its idempotency check
 * on the op id), the order row and its ledger entries, in one transaction, with every column and
 * value the suite stored for a real order.
 */
export function oneOrderScript(sample: OrderSample, customers: number): PgbenchScript {
  return batchedOrdersScript(sample, customers, 1);
}

/** `count` orders per transaction, each table written with one multi-row INSERT: the database's own ceiling when batching. */
export function batchedOrdersScript(sample: OrderSample, customers: number, count: number): PgbenchScript {
  const variables: Record<string, string> = {};
  const ops = new RowTemplate('ops', sample.ops, sample, variables, '');
  const order = new RowTemplate('orders', sample.order, sample, variables, '');
  const ledger = sample.ledger.map((row, n) => new RowTemplate('ledger', row, sample, variables, `_${n}`));
  const suffixes = Array.from({ length: count }, (_, n) => (count === 1 ? '' : `_${n}`));
  const insert = (table: string, templates: RowTemplate[], tail = '') =>
    `INSERT INTO ${table} (${templates[0].columns.join(', ')}) VALUES ` +
    suffixes.flatMap((s) => templates.map((t) => t.values(s))).join(', ') +
    `${tail};`;
  const statements = [
    insert('ops', [ops], ' ON CONFLICT (op_id) DO NOTHING'),
    insert('orders', [order]),
    insert('loyalty_ledger', ledger),
  ];
  for (const statement of statements) {
    const parameters = statement.match(/(?<!:):[a-z_][a-z0-9_]*/gi)?.length ?? 0;
    if (parameters > PGBENCH_MAX_ARGS) {
      throw new Error(
        `A pgbench statement would bind ${parameters} parameters (most ${PGBENCH_MAX_ARGS}): batch fewer orders`,
      );
    }
  }
  const text = [
    ...suffixes.map((s) => randomVariables(customers, s)),
    'BEGIN;',
    ...statements,
    'END;',
    '',
  ].join('\n');
  return {
    name: count === 1 ? 'one-order' : `${count}-orders`,
    ordersPerTransaction: count,
    text,
    variables,
  };
}
