import { existsSync, readFileSync } from 'node:fs';
import { runBench } from '../bench/run-bench';
import { parseBenchOptions } from '../bench/support/bench-options';
import type { BenchResult } from '../bench/report/bench-result';

/**
 * `npm run bench` at tiny sizes: not a measurement (the figures mean nothing at one second and
 * four connections), only the proof that the bench runs end to end and produces every figure —
 * a number, or "not available" with the reason.
 */
describe('npm run bench (smoke)', () => {
  let result: BenchResult;
  let failures: string[];
  let resultFile: string;

  beforeAll(async () => {
    ({ result, failures, resultFile } = await runBench(parseBenchOptions(['--smoke'])));
  }, 240_000);

  it('finishes without a figure failing', () => {
    expect(failures).toEqual([]);
  });

  it('reports every figure as a measurement or as not available with a reason', () => {
    for (const [name, figure] of Object.entries(result.figures)) {
      if (figure.available) continue;
      expect({ name, reason: figure.reason }).toEqual({ name, reason: expect.stringMatching(/\w{3,}/) });
    }
    const { pgbenchBaseline, orderWrites, readsDatabase, readsCache, footprint } = result.figures;
    if (!pgbenchBaseline.available || !orderWrites.available || !footprint.available) {
      throw new Error('pgbench, order writes and footprint are always measurable');
    }
    for (const run of [pgbenchBaseline.prepared, pgbenchBaseline.extended, pgbenchBaseline.batched]) {
      expect(run.tps).toBeGreaterThan(0);
      expect(run.latencyMs.p99).toBeGreaterThan(0);
    }
    expect(orderWrites.ordersPerSecond).toBeGreaterThan(0);
    expect(orderWrites.latencyMs.p99).toBeGreaterThan(0);
    expect(orderWrites.acceptedMissing).toBe(0);
    // With ten customers every read may come from the cache; either way the figure says so.
    expect(readsDatabase.available || readsCache.available).toBe(true);
    for (const reads of [readsDatabase, readsCache]) {
      if (reads.available) expect(reads.readsPerSecond).toBeGreaterThan(0);
    }
    for (const app of Object.values(footprint.apps)) {
      expect(app.startupMs).toBeGreaterThan(0);
      expect(app.idleRssMb).toBeGreaterThan(0);
    }
  });

  it('compares the suite with pgbench and lists every goal of the issue', () => {
    expect(result.ratios).toMatchObject({ available: true, ordersVsPgbenchPrepared: expect.any(Number) });
    expect(result.goals.map((goal) => goal.goal)).toEqual([
      '≥ 0.5; aim past 1.0 with group commit',
      '≤ 2',
      '≤ 5 ms',
      '≤ 1 s',
      '≥ 5,000 ops/s',
      '0',
    ]);
    for (const goal of result.goals) expect(goal.value).toMatch(/\d|not available: \w+/);
  });

  it('writes the result with the machine, outside bench/results', () => {
    expect(resultFile).not.toMatch(/bench\/results\//);
    expect(existsSync(resultFile)).toBe(true);
    const written = JSON.parse(readFileSync(resultFile, 'utf8')) as BenchResult;
    expect(written.machine).toMatchObject({
      cores: expect.any(Number),
      memoryBytes: expect.any(Number),
      node: expect.any(String),
      postgres: expect.any(String),
      redis: expect.any(String),
    });
    expect(written.commit.commit).toMatch(/\w/);
  });
});
