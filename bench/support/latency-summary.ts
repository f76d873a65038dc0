/** Latency of a set of requests or transactions, in milliseconds. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of `samplesMs` (sorted in place). */
export function latencySummary(samplesMs: number[]): LatencySummary {
  if (samplesMs.length === 0) return { count: 0, mean: 0, p50: 0, p99: 0, max: 0 };
  samplesMs.sort((a, b) => a - b);
  const rank = (p: number) => samplesMs[Math.min(samplesMs.length - 1, Math.ceil(p * samplesMs.length) - 1)];
  const sum = samplesMs.reduce((total, value) => total + value, 0);
  return {
    count: samplesMs.length,
    mean: round(sum / samplesMs.length),
    p50: round(rank(0.5)),
    p99: round(rank(0.99)),
    max: round(samplesMs[samplesMs.length - 1]),
  };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
