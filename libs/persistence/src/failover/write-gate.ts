/**
 * Holds writes for a moment while the write target changes (DESIGN: "pause writes briefly to
 * drain the rest, then switch"). Each write passes `enter()` before choosing its store and
 * calls the returned `leave()` when done; `pause()` stops new writes at the gate and resolves
 * once the writes already past it have finished, so the final catch-up sees all of them.
 */
export class WriteGate {
  private inFlight = 0;
  private paused: Promise<void> | null = null;
  private release: (() => void) | null = null;
  private idle: (() => void) | null = null;
  /** Total time writes were held, for the status. */
  private heldMs = 0;
  private pausedAt = 0;

  get isPaused(): boolean {
    return this.paused !== null;
  }

  get writesInFlight(): number {
    return this.inFlight;
  }

  get totalHeldMs(): number {
    return this.heldMs;
  }

  /** Waits while paused, then counts the caller as in flight until it calls the returned function. */
  async enter(): Promise<() => void> {
    while (this.paused) await this.paused;
    this.inFlight++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    };
  }

  /**
   * Closes the gate and waits (at most `drainTimeoutMs`) for the writes in flight; resolves
   * whether they all finished. The gate stays closed until `resume()` either way.
   */
  async pause(drainTimeoutMs: number): Promise<boolean> {
    if (!this.paused) {
      this.pausedAt = performance.now();
      this.paused = new Promise((resolve) => (this.release = resolve));
    }
    if (this.inFlight === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      new Promise<boolean>((resolve) => (this.idle = () => resolve(true))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), drainTimeoutMs))),
    ]);
    clearTimeout(timer);
    this.idle = null;
    return drained;
  }

  resume(): void {
    if (!this.paused) return;
    this.heldMs += performance.now() - this.pausedAt;
    const release = this.release;
    this.paused = null;
    this.release = null;
    release?.();
  }
}
