import { rssBytesOf } from './proc-stats';

/**
 * Samples the resident set size of named processes every `intervalMs` and keeps each one's
 * peak: the "loaded" footprint is the peak seen while the load runs.
 */
export class RssSampler {
  private readonly peakBytes = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pidOf: (name: string) => number | undefined,
    private readonly names: readonly string[],
    private readonly intervalMs = 500,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Stops sampling and answers each process's peak RSS in bytes. */
  stop(): Record<string, number> {
    clearInterval(this.timer);
    this.sample();
    return Object.fromEntries(this.peakBytes);
  }

  private sample(): void {
    for (const name of this.names) {
      const pid = this.pidOf(name);
      const bytes = pid ? rssBytesOf(pid) : undefined;
      if (bytes !== undefined) this.peakBytes.set(name, Math.max(bytes, this.peakBytes.get(name) ?? 0));
    }
  }
}
