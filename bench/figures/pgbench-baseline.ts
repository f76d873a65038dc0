import { join } from 'node:path';
import { BenchOptions } from '../support/bench-options';
import { OrderSample } from '../support/order-sample';
import { createPgbenchDatabase } from '../support/pgbench-database';
import { batchedOrdersScript, oneOrderScript, PgbenchScript } from '../support/pgbench-scripts';
import { progress } from '../support/progress';
import { PgbenchProtocol, PgbenchRun, runPgbench } from '../support/run-pgbench';

/** Orders per transaction of the batched run: what group commit could reach at best. */
export const BATCH_SIZE = 8;

export interface PgbenchBaseline {
  clients: number;
  threads: number;
  customers: number;
  /** The lean transaction of one order (ops row, order row, ledger entry), prepared statements: the baseline. */
  prepared: PgbenchRun;
  /** The same, extended protocol without named statements (how node-pg speaks). */
  extended: PgbenchRun;
  /** BATCH_SIZE orders per transaction, multi-row inserts, prepared. */
  batched: PgbenchRun;
}

/**
 * pgbench on the suite's PostgreSQL server, in a fresh database of its own with the same schema,
 * the same number of customers and the same row contents as the suite writes, at the same
 * concurrency: the hardware's own limit for this work, measured in the same run.
 */
export async function measurePgbenchBaseline(
  options: BenchOptions,
  sample: OrderSample,
  cores: number,
  workDir: string,
): Promise<PgbenchBaseline> {
  const clients = options.connections;
  const threads = Math.max(1, Math.min(cores, clients));
  const database = await createPgbenchDatabase(options.customers);
  try {
    const run = (name: string, script: PgbenchScript, protocol: PgbenchProtocol, seconds: number) => {
      progress(`pgbench ${name}: ${script.name}, -M ${protocol}, ${clients} clients, ${seconds} s`);
      return runPgbench({
        databaseUrl: database.url,
        script,
        protocol,
        clients,
        threads,
        durationSeconds: seconds,
        workDir: join(workDir, name),
      });
    };
    const one = oneOrderScript(sample, options.customers);
    if (options.warmupSeconds > 0) await run('warmup', one, 'prepared', options.warmupSeconds);
    const prepared = await run('prepared', one, 'prepared', options.durationSeconds);
    // The secondary runs take half the time, so every figure fits the five minutes of a default run.
    const secondarySeconds = Math.max(1, Math.round(options.durationSeconds / 2));
    const extended = await run('extended', one, 'extended', secondarySeconds);
    const batched = await run(
      'batched',
      batchedOrdersScript(sample, options.customers, BATCH_SIZE),
      'prepared',
      secondarySeconds,
    );
    return { clients, threads, customers: options.customers, prepared, extended, batched };
  } finally {
    await database.drop();
  }
}
