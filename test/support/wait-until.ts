export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** What was awaited, for the error; called only on timeout so it can include fresh logs. */
  describe: () => string;
  /** Checked before each attempt: a reason returned here ends the wait at once (e.g. the process exited). */
  giveUpIf?: () => string | undefined;
}

/**
 * Polls `attempt` until it returns a value other than `undefined`, or throws once the time is up.
 * The last error thrown by `attempt` (if any) is kept as the cause.
 */
export async function waitUntil<T>(attempt: () => Promise<T | undefined>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const reason = options.giveUpIf?.();
    if (reason) throw new Error(`Gave up waiting for ${options.describe()}: ${reason}`);
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const last = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.describe()}${last}`, {
        cause: lastError,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
