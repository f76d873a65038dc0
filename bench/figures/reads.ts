import { api } from '../../test/support/http';
import { FigureResult, notAvailable } from '../report/figure-result';
import { BenchOptions } from '../support/bench-options';
import { BenchSuite } from '../support/bench-suite';
import { CpuMeter } from '../support/cpu-meter';
import { LatencySummary, round } from '../support/latency-summary';
import { progress } from '../support/progress';
import { HttpLoadResult, runHttpLoad } from '../support/run-http-load';
import { perUnit } from './order-writes';

export interface Reads {
  connections: number;
  durationSeconds: number;
  /** 200 answers per second from this source while the run lasted (a run may mix sources). */
  readsPerSecond: number;
  /** Latency of the answers from this source. */
  latencyMs: LatencySummary;
  /** Every answer of the run by X-Data-Source ("none" when absent): what else was mixed in. */
  dataSources: Record<string, number>;
  /** The run's CPU-ms per read (all sources). */
  cpuMsPerRead: Record<string, number>;
  /** Cached reads only: the latency with one connection, the read path without queueing. */
  oneConnectionLatencyMs?: LatencySummary;
}

export interface ReadFigures {
  database: FigureResult<Reads>;
  cache: FigureResult<Reads>;
}

/** Customers the cached reads cycle over: few enough to stay hot in any cache. */
const HOT_CUSTOMERS = 16;
const DATABASE_SOURCES = ['primary', 'backup', 'none'];

/**
 * `GET /v1/telegram/users/{id}/loyalty`. First over random customers, where the answers that came
 * from a database (`X-Data-Source: primary|backup`, or no header before it existed) make the
 * database figure; then, once answers can say `X-Data-Source: cache`, over a few hot customers,
 * loaded and with one connection, for the cached figure. Latency is split by the source each
 * answer names, so a run that mixes sources still reports each one by itself.
 */
export async function measureReads(options: BenchOptions, bench: BenchSuite): Promise<ReadFigures> {
  // The suite is warm from the order writes: reads take a short warm-up and half the duration,
  // so every figure fits the five minutes of a default run.
  const warmupSeconds = Math.min(options.warmupSeconds, 2);
  const durationSeconds = Math.max(1, Math.round(options.durationSeconds / 2));

  const spread = await readLoad(options, bench, 'random customers', bench.randomTelegramId, {
    connections: options.connections,
    warmupSeconds,
    durationSeconds,
  });
  const fromDatabase = DATABASE_SOURCES.filter((source) => spread.load.latencyMsByLabel[source]);
  const database: FigureResult<Reads> = fromDatabase.length
    ? bySource(spread, fromDatabase, options.connections)
    : notAvailable(`every answer came from the cache (${JSON.stringify(spread.dataSources)})`);

  const hot = bench.telegramIds.slice(0, HOT_CUSTOMERS);
  const probed = await probeDataSources(bench, hot);
  if (!probed.has('cache')) {
    return {
      database,
      cache: notAvailable(
        `no answer carries X-Data-Source: cache (seen: ${[...probed].join(', ')}); the read cache ` +
          'arrives with the fault-tolerance work (issue 4)',
      ),
    };
  }
  let turn = 0;
  const nextHot = () => hot[turn++ % hot.length];
  const loaded = await readLoad(options, bench, 'hot customers', nextHot, {
    connections: options.connections,
    warmupSeconds: 0,
    durationSeconds,
  });
  const single = await readLoad(options, bench, 'hot customers, one connection', nextHot, {
    connections: 1,
    warmupSeconds: 0,
    durationSeconds: Math.max(1, Math.round(options.durationSeconds / 4)),
  });
  if (!loaded.load.latencyMsByLabel.cache) {
    return {
      database,
      cache: notAvailable(`hot reads did not come from the cache (${JSON.stringify(loaded.dataSources)})`),
    };
  }
  const cache = bySource(loaded, ['cache'], options.connections);
  if (cache.available) cache.oneConnectionLatencyMs = single.load.latencyMsByLabel.cache;
  return { database, cache };
}

interface ReadRun {
  load: HttpLoadResult;
  dataSources: Record<string, number>;
  cpuMsPerRead: Record<string, number>;
}

function bySource(run: ReadRun, sources: string[], connections: number): FigureResult<Reads> {
  const samples = sources.map((source) => run.load.latencyMsByLabel[source]).filter(Boolean);
  const count = samples.reduce((total, s) => total + s.count, 0);
  // One source is summarised exactly; several (primary and backup) by the slower one's figures.
  const latencyMs = samples.length === 1 ? samples[0] : samples.sort((a, b) => b.p99 - a.p99)[0];
  return {
    available: true,
    connections,
    durationSeconds: run.load.durationSeconds,
    readsPerSecond: round(count / run.load.durationSeconds, 1),
    latencyMs: { ...latencyMs, count },
    dataSources: run.dataSources,
    cpuMsPerRead: run.cpuMsPerRead,
  };
}

async function readLoad(
  options: BenchOptions,
  bench: BenchSuite,
  label: string,
  nextCustomer: () => string,
  shape: { connections: number; warmupSeconds: number; durationSeconds: number },
): Promise<ReadRun> {
  const dataSources: Record<string, number> = {};
  let isCollecting = false;
  const load = (durationSeconds: number) =>
    runHttpLoad({
      baseUrl: bench.suite.baseUrl,
      connections: shape.connections,
      durationSeconds,
      nextRequest: () => ({
        method: 'GET',
        path: `/v1/telegram/users/${nextCustomer()}/loyalty`,
        headers: { 'x-api-key': bench.nextApiKey() },
      }),
      classify: (headers) => headers['x-data-source'] ?? 'none',
      onResponse: (status, headers) => {
        if (!isCollecting || status !== 200) return;
        const source = headers['x-data-source'] ?? 'none';
        dataSources[source] = (dataSources[source] ?? 0) + 1;
      },
    });
  if (shape.warmupSeconds > 0) {
    progress(`reads (${label}): warm-up ${shape.warmupSeconds} s`);
    await load(shape.warmupSeconds);
  }
  progress(`reads (${label}): ${shape.connections} connection(s), ${shape.durationSeconds} s`);
  isCollecting = true;
  const meter = await CpuMeter.start(bench.pidGroups);
  const result = await load(shape.durationSeconds);
  const { cpuMs } = await meter.stop();
  return { load: result, dataSources, cpuMsPerRead: perUnit(cpuMs, result.ok) };
}

/** Reads each customer twice (a cache fills on the first read) and collects the X-Data-Source values. */
async function probeDataSources(bench: BenchSuite, telegramIds: string[]): Promise<Set<string>> {
  const http = api(bench.suite);
  const seen = new Set<string>();
  for (let round = 0; round < 2; round++) {
    for (const telegramId of telegramIds) {
      const response = await http.get(`/v1/telegram/users/${telegramId}/loyalty`, {
        apiKey: bench.nextApiKey(),
      });
      seen.add(response.headers['x-data-source'] ?? 'no X-Data-Source header');
    }
  }
  return seen;
}
