import { join } from 'node:path';
import { TestDatabase } from '../../test/support/databases';
import { BenchOptions } from '../support/bench-options';
import { LatencySummary, round } from '../support/latency-summary';
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
  /**
   * The baseline the suite is compared with: the lean transaction of one order, `-M prepared`,
   * run just before and just after the suite's order writes (`prepared`, `preparedAfter`), so
   * other load drifting on a shared machine weighs on both sides alike. The mean of the two.
   */
  baseline: { ordersPerSecond: number; latencyMs: LatencySummary };
  /** The lean transaction of one order (ops row, order row, ledger entry), prepared, before the suite's writes. */
  prepared: PgbenchRun;
  /** The same, after the suite's writes; absent when the order writes were not measured. */
  preparedAfter?: PgbenchRun;
  /** The same transaction, extended protocol without named statements (how node-pg speaks). */
  extended: PgbenchRun;
  /** BATCH_SIZE orders per transaction, multi-row inserts, prepared. */
  batched: PgbenchRun;
}

/**
 * pgbench on the suite's PostgreSQL server, in a fresh database of its own with the same schema,
 * the same number of customers and the same row contents as the suite writes, at the same
 * concurrency: the hardware's own limit for this work, measured in the same run. `before()` runs
 * the warm-up, the prepared baseline, the extended and the batched runs; `after()` the prepared
 * baseline once more, once the suite's writes are measured; `result()` puts them together.
 */
export class PgbenchBaselineRuns {
  private runs: Omit<PgbenchBaseline, 'baseline' | 'preparedAfter'> | undefined;
  private preparedAfter: PgbenchRun | undefined;
  private isDropped = false;

  private constructor(
    private readonly options: BenchOptions,
    private readonly sample: OrderSample,
    private readonly threads: number,
    private readonly workDir: string,
    private readonly database: TestDatabase,
  ) {}

  static async create(options: BenchOptions, sample: OrderSample, cores: number, workDir: string) {
    const threads = Math.max(1, Math.min(cores, options.connections));
    const database = await createPgbenchDatabase(options.customers);
    return new PgbenchBaselineRuns(options, sample, threads, workDir, database);
  }

  /** Half the duration each: the prepared baseline is run twice, around the suite's writes. */
  private get halfSeconds(): number {
    return Math.max(1, Math.round(this.options.durationSeconds / 2));
  }

  async before(): Promise<void> {
    const { options, sample } = this;
    const one = oneOrderScript(sample, options.customers);
    if (options.warmupSeconds > 0) await this.run('warmup', one, 'prepared', options.warmupSeconds);
    const prepared = await this.run('prepared', one, 'prepared', this.halfSeconds);
    const extended = await this.run('extended', one, 'extended', this.halfSeconds);
    const batched = await this.run(
      'batched',
      batchedOrdersScript(sample, options.customers, BATCH_SIZE),
      'prepared',
      this.halfSeconds,
    );
    this.runs = {
      clients: options.connections,
      threads: this.threads,
      customers: options.customers,
      prepared,
      extended,
      batched,
    };
  }

  async after(): Promise<void> {
    const one = oneOrderScript(this.sample, this.options.customers);
    this.preparedAfter = await this.run('prepared-after', one, 'prepared', this.halfSeconds);
  }

  result(): PgbenchBaseline {
    if (!this.runs) throw new Error('pgbench: before() has not run');
    const bracket = [this.runs.prepared, ...(this.preparedAfter ? [this.preparedAfter] : [])];
    const mean = (pick: (run: PgbenchRun) => number) =>
      round(bracket.reduce((total, run) => total + pick(run), 0) / bracket.length, 2);
    return {
      ...this.runs,
      ...(this.preparedAfter ? { preparedAfter: this.preparedAfter } : {}),
      baseline: {
        ordersPerSecond: mean((run) => run.ordersPerSecond),
        latencyMs: {
          count: bracket.reduce((total, run) => total + run.latencyMs.count, 0),
          mean: mean((run) => run.latencyMs.mean),
          p50: mean((run) => run.latencyMs.p50),
          p99: mean((run) => run.latencyMs.p99),
          max: Math.max(...bracket.map((run) => run.latencyMs.max)),
        },
      },
    };
  }

  /** Drops pgbench's database; once, however often it is called. */
  async drop(): Promise<void> {
    if (this.isDropped) return;
    this.isDropped = true;
    await this.database.drop();
  }

  private run(name: string, script: PgbenchScript, protocol: PgbenchProtocol, seconds: number) {
    const clients = this.options.connections;
    progress(`pgbench ${name}: ${script.name}, -M ${protocol}, ${clients} clients, ${seconds} s`);
    return runPgbench({
      databaseUrl: this.database.url,
      script,
      protocol,
      clients,
      threads: this.threads,
      durationSeconds: seconds,
      workDir: join(this.workDir, name),
    });
  }
}
