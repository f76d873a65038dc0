const FIRST_RETRY_MS = 1000;

/**
 * Pause before launch attempt `attempt + 1`: 1 s, 2 s, 4 s … up to `maxMs`, with ±20 % jitter
 * so replicas that failed together do not retry together.
 */
export function launchBackoffMs(attempt: number, maxMs: number): number {
  const base = Math.min(maxMs, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(Math.min(maxMs, base * (0.8 + Math.random() * 0.4)));
}
