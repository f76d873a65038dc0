import { Global, Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter';

/** Global because the AuthGuard, which every route module instantiates, applies the limit. */
@Global()
@Module({
  providers: [RateLimiter],
  exports: [RateLimiter],
})
export class RateLimitModule {}
