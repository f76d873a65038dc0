import { Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisService } from '@karmabot/common';
import { GCRA_SCRIPT } from './gcra-script';
import { RateLimitDecision } from './rate-limit-decision';

const WINDOW_SECONDS = 60;
/** Past this the limiter gives up on Redis for this request (see `consume`). */
const REDIS_TIMEOUT_MS = 500;
const FAIL_OPEN_LOG_INTERVAL_MS = 10_000;

type GcraReply = [allowed: number, remaining: number, resetMs: number, retryMs: number];
type WithGcra = Redis & { karmabotGcra(key: string, limit: number, windowMs: number): Promise<GcraReply> };

/** Per-API-key request limits, shared by every gateway through Redis. */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly client: WithGcra;
  private lastFailOpenLogAt = 0;

  constructor(private readonly redis: RedisService) {
    // defineCommand sends the script by EVALSHA and reloads it by itself after a SCRIPT FLUSH.
    redis.client.defineCommand('karmabotGcra', { numberOfKeys: 1, lua: GCRA_SCRIPT });
    this.client = redis.client as WithGcra;
  }

  /**
   * Counts one request against `subject`'s limit of `limitPerMinute`. Returns null when Redis
   * cannot answer in time: the request then goes through unlimited (fail open). A rate limit
   * protects capacity, it is not a security boundary (the key was already verified), and Redis
   * trouble should not turn into a gateway outage for every client; the warning (at most one
   * per 10 s) tells operators limits are off.
   */
  async consume(subject: string, limitPerMinute: number): Promise<RateLimitDecision | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const [allowed, remaining, resetMs, retryMs] = await Promise.race([
        this.client.karmabotGcra(
          this.redis.key('rate-limit', subject),
          limitPerMinute,
          WINDOW_SECONDS * 1000,
        ),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)),
            REDIS_TIMEOUT_MS,
          );
        }),
      ]);
      return {
        isAllowed: allowed === 1,
        limit: limitPerMinute,
        windowSeconds: WINDOW_SECONDS,
        remaining,
        resetSeconds: Math.ceil(resetMs / 1000),
        retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(retryMs / 1000)),
      };
    } catch (error) {
      this.warnFailOpen(error as Error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private warnFailOpen(error: Error) {
    const now = Date.now();
    if (now - this.lastFailOpenLogAt < FAIL_OPEN_LOG_INTERVAL_MS) return;
    this.lastFailOpenLogAt = now;
    this.logger.warn(`Rate limiting is off (failing open): Redis did not answer: ${error.message}`);
  }
}
