import { RateLimitDecision } from './rate-limit-decision';

/**
 * The headers of draft-ietf-httpapi-ratelimit-headers (structured-field form, draft 08+):
 * `RateLimit-Policy: "default";q=600;w=60` names the quota (q requests per w seconds) and
 * `RateLimit: "default";r=599;t=1` says what is left (r) and in how many seconds the quota is
 * whole again (t). A refused request also gets `Retry-After` (RFC 9110), in seconds.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-policy': `"default";q=${decision.limit};w=${decision.windowSeconds}`,
    ratelimit: `"default";r=${decision.remaining};t=${decision.resetSeconds}`,
  };
  if (!decision.isAllowed) headers['retry-after'] = String(decision.retryAfterSeconds);
  return headers;
}
