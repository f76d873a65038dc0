export interface AppReadiness {
  status: 'up' | 'down';
  latencyMs: number;
  /** The app's own /readyz body (its dependency checks), when it answered with JSON. */
  checks?: unknown;
  error?: string;
}

/** GETs `<baseUrl>/readyz`: up on 200, down on any other status, an error or the timeout. */
export async function probeReadiness(baseUrl: string, timeoutMs: number): Promise<AppReadiness> {
  const started = performance.now();
  const latency = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const response = await fetch(new URL('/readyz', baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
    const body: unknown = await response.json().catch(() => undefined);
    const checks = (body as { details?: unknown } | undefined)?.details ?? body;
    if (response.ok) return { status: 'up', latencyMs: latency(), checks };
    return { status: 'down', latencyMs: latency(), checks, error: `readyz answered ${response.status}` };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    return { status: 'down', latencyMs: latency(), error: cause?.message ?? (error as Error).message };
  }
}
