/** What the limiter decided for one request, in the terms the headers need. */
export interface RateLimitDecision {
  isAllowed: boolean;
  /** Requests per window for this key. */
  limit: number;
  windowSeconds: number;
  /** Requests still allowed right now. */
  remaining: number;
  /** Seconds until the whole quota is available again. */
  resetSeconds: number;
  /** Seconds until the next request would be allowed; 0 when this one was. */
  retryAfterSeconds: number;
}
