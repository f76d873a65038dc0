import { rateLimitHeaders } from './rate-limit-headers';

describe('rateLimitHeaders', () => {
  it('states the policy and what is left in the structured-field form of the IETF draft', () => {
    expect(
      rateLimitHeaders({
        isAllowed: true,
        limit: 600,
        windowSeconds: 60,
        remaining: 599,
        resetSeconds: 1,
        retryAfterSeconds: 0,
      }),
    ).toEqual({ 'ratelimit-policy': '"default";q=600;w=60', ratelimit: '"default";r=599;t=1' });
  });

  it('adds Retry-After when the request was refused', () => {
    expect(
      rateLimitHeaders({
        isAllowed: false,
        limit: 5,
        windowSeconds: 60,
        remaining: 0,
        resetSeconds: 60,
        retryAfterSeconds: 12,
      }),
    ).toEqual({
      'ratelimit-policy': '"default";q=5;w=60',
      ratelimit: '"default";r=0;t=60',
      'retry-after': '12',
    });
  });
});
