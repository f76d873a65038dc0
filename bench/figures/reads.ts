import { api } from '../../test/support/http';
import { FigureResult, notAvailable } from '../report/figure-result';
import { BenchOptions } from '../support/bench-options';
import { BenchSuite } from '../support/bench-suite';
import { CpuMeter } from '../support/cpu-meter';
import { LatencySummary } from '../support/latency-summary';
import { progress } from '../support/progress';
import { runHttpLoad } from '../support/run-http-load';
import { perUnit } from './order-writes';

export interface Reads {
  connections: number;
  durationSeconds: number;
  readsPerSecond: number;
  latencyMs: LatencySummary;
  statusCounts: Record<string, number>;
  /** How many answers named each X-Data-Source ("none" when the header is absent). */
  dataSources: Record<string, number>;
  cpuMsPerRead: Record<string, number>;
}

export interface ReadFigures {
  database: FigureResult<Reads>;
  cache: FigureResult<Reads>;
}

/** Customers the cached reads cycle over: few enough to stay in any cache. */
const HOT_CUSTOMERS = 16;

/**
 * `GET /v1/telegram/users/{id}/loyalty` over random customers (reads served by the database),
 * then, when the suite answers reads from its cache (`X-Data-Source: cache`), over a few hot
 * customers. Until the read cache lands with the fault-tolerance work, no answer says `cache`
 * and that figure is reported as not available.
 */
export async function measureReads(options: BenchOptions, bench: BenchSuite): Promise<ReadFigures> {
  const database = await readLoad(options, bench, 'database', bench.randomTelegramId);

  const hot = bench.telegramIds.slice(0, HOT_CUSTOMERS);
  const probed = await probeDataSources(bench, hot);
  if (!probed.has('cache')) {
    const seen = [...probed].join(', ');
    return {
      database,
      cache: notAvailable(
        `no answer carries X-Data-Source: cache (seen: ${seen}); the read cache arrives with the ` +
          'fault-tolerance work (issue 4)',
      ),
    };
  }
  let turn = 0;
  const cache = await readLoad(options, bench, 'cache', () => hot[turn++ % hot.length]);
  return { database, cache };
}

async function readLoad(
  options: BenchOptions,
  bench: BenchSuite,
  label: string,
  nextCustomer: () => string,
): Promise<FigureResult<Reads>> {
  const dataSources: Record<string, number> = {};
  let isCollecting = false;
  const load = (durationSeconds: number) =>
    runHttpLoad({
      baseUrl: bench.suite.baseUrl,
      connections: options.connections,
      durationSeconds,
      nextRequest: () => ({
        method: 'GET',
        path: `/v1/telegram/users/${nextCustomer()}/loyalty`,
        headers: { 'x-api-key': bench.nextApiKey() },
      }),
      onResponse: (status, headers) => {
        if (!isCollecting || status !== 200) return;
        const source = headers['x-data-source'] ?? 'none';
        dataSources[source] = (dataSources[source] ?? 0) + 1;
      },
    });
  if (options.warmupSeconds > 0) {
    progress(`reads (${label}): warm-up ${options.warmupSeconds} s`);
    await load(options.warmupSeconds);
  }
  progress(`reads (${label}): ${options.connections} connections, ${options.durationSeconds} s`);
  isCollecting = true;
  const meter = await CpuMeter.start(bench.pidGroups);
  const result = await load(options.durationSeconds);
  const { cpuMs } = await meter.stop();
  return {
    available: true,
    connections: options.connections,
    durationSeconds: result.durationSeconds,
    readsPerSecond: result.okPerSecond,
    latencyMs: result.latencyMs,
    statusCounts: result.statusCounts,
    dataSources,
    cpuMsPerRead: perUnit(cpuMs, result.ok),
  };
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
