import { BreakerState } from '@karmabot/contracts';

/** What a probe result did to the breaker. */
export type BreakerTransition = 'opened' | 'ready_to_close' | null;

export interface BreakerSnapshot {
  state: BreakerState;
  /** Healthy probes in a row since the last failure. */
  healthyProbes: number;
  latencyMs: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  lastProbeAt: string | null;
  /** When the breaker last changed state. */
  since: string;
}

/**
 * One store's circuit breaker (DESIGN, "Writes: operations"). It opens at once on a failure the
 * probe confirmed, and is ready to close only after `healthyProbesToClose` healthy probes in a
 * row, so a store that answers every other probe stays open: no flapping. Closing itself is the
 * mode machine's call, once the store's backlog is empty (see ModeMachine).
 */
export class CircuitBreaker {
  private current: BreakerState;
  private healthy = 0;
  private latency: number | null = null;
  private error: string | null = null;
  private errorAt: string | null = null;
  private probeAt: string | null = null;
  private changedAt: string;

  constructor(
    initial: BreakerState = 'closed',
    private readonly healthyProbesToClose = 3,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.current = initial === 'recovering' ? 'open' : initial;
    this.changedAt = this.now().toISOString();
  }

  get state(): BreakerState {
    return this.current;
  }

  get isClosed(): boolean {
    return this.current === 'closed';
  }

  /** Feeds one probe: a latency when it answered, an error when it did not. */
  recordProbe(result: { latencyMs: number } | { error: string }): BreakerTransition {
    this.probeAt = this.now().toISOString();
    if ('error' in result) {
      this.latency = null;
      this.noteError(result.error);
      this.healthy = 0;
      if (this.current === 'open') return null;
      this.moveTo('open');
      return 'opened';
    }
    this.latency = result.latencyMs;
    if (this.current !== 'open') return null;
    this.healthy++;
    return this.healthy >= this.healthyProbesToClose ? 'ready_to_close' : null;
  }

  /** Notes a probe's latency or error without any transition (a follower mirrors its leader). */
  observe(result: { latencyMs: number } | { error: string }): void {
    this.probeAt = this.now().toISOString();
    if ('error' in result) {
      this.latency = null;
      this.noteError(result.error);
    } else {
      this.latency = result.latencyMs;
    }
  }

  /** A store call failed: remembered for the status, but only a probe opens the breaker. */
  noteCallFailure(error: string): void {
    this.noteError(error);
  }

  /** The close protocol started: the store is up but still being caught up. */
  startRecovering(): void {
    if (this.current === 'open') this.moveTo('recovering');
  }

  /** The close protocol could not finish (the store failed again, or draining took too long). */
  abortRecovering(error?: string): void {
    if (this.current !== 'recovering') return;
    if (error) {
      this.noteError(error);
      this.healthy = 0;
    }
    this.moveTo('open');
  }

  close(): void {
    this.healthy = 0;
    this.moveTo('closed');
  }

  /** Opens without a probe: the leader said so, or the state was restored at start. */
  forceOpen(reason?: string): void {
    if (reason) this.noteError(reason);
    this.healthy = 0;
    if (this.current !== 'open') this.moveTo('open');
  }

  snapshot(): BreakerSnapshot {
    return {
      state: this.current,
      healthyProbes: this.healthy,
      latencyMs: this.latency,
      lastError: this.error,
      lastErrorAt: this.errorAt,
      lastProbeAt: this.probeAt,
      since: this.changedAt,
    };
  }

  private noteError(error: string): void {
    this.error = error;
    this.errorAt = this.now().toISOString();
  }

  private moveTo(state: BreakerState): void {
    this.current = state;
    this.changedAt = this.now().toISOString();
  }
}
