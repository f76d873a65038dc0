import autocannon from 'autocannon';
import { LatencySummary, latencySummary, round } from './latency-summary';

export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpLoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  /** Called for every request, so each can carry its own path and Idempotency-Key. */
  nextRequest: () => HttpRequestSpec;
  /** Sees every answer's status and headers (lower-case names). */
  onResponse?: (status: number, headers: Record<string, string>) => void;
  /** Labels each 2xx answer (e.g. by its X-Data-Source), so latency is also summarised per label. */
  classify?: (headers: Record<string, string>) => string;
}

export interface HttpLoadResult {
  durationSeconds: number;
  connections: number;
  /** 2xx answers per second: the work the suite accepted. */
  okPerSecond: number;
  ok: number;
  statusCounts: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  /** Latency of the 2xx answers, measured per request with a high-resolution clock. */
  latencyMs: LatencySummary;
  /** With `classify`: the latency (and count) of the 2xx answers of each label. */
  latencyMsByLabel: Record<string, LatencySummary>;
}

/**
 * Keeps `connections` keep-alive HTTP connections busy for `durationSeconds` (autocannon, no
 * pipelining) with requests built one at a time by `nextRequest`.
 */
export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const latencies: number[] = [];
  const byLabel: Record<string, number[]> = {};
  const statusCounts: Record<string, number> = {};
  // autocannon calls onResponse and then, synchronously for the same answer, emits 'response'
  // with its time: the label noted in the first is consumed by the second.
  let label: string | undefined;
  // Without a callback autocannon answers an event emitter that is also a promise of the result.
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const spec = options.nextRequest();
          return { ...request, method: spec.method, path: spec.path, headers: spec.headers, body: spec.body };
        },
        onResponse: (status, _body, _context, headers) => {
          const lower = lowerCased(headers);
          label = options.classify?.(lower);
          options.onResponse?.(status, lower);
        },
      },
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  // autocannon's own histogram holds whole milliseconds; the tracker's event carries the exact time.
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTimeMs: number) => {
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      latencies.push(responseTimeMs);
      if (label !== undefined) (byLabel[label] ??= []).push(responseTimeMs);
    }
    label = undefined;
  });
  const result = await instance;
  const ok = latencies.length;
  return {
    durationSeconds: result.duration,
    connections: options.connections,
    okPerSecond: round(ok / result.duration, 1),
    ok,
    statusCounts,
    errors: result.errors,
    latencyMs: latencySummary(latencies),
    latencyMsByLabel: Object.fromEntries(
      Object.entries(byLabel).map(([name, samples]) => [name, latencySummary(samples)]),
    ),
  };
}

function lowerCased(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = String(value);
  return out;
}
