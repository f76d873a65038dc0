import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisService } from '../redis/redis.service';

@Injectable()
export class RedisHealth {
  constructor(
    private readonly redis: RedisService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const indicator = this.indicators.check('redis');
    const started = Date.now();
    try {
      await Promise.race([
        this.redis.client.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), 1000)),
      ]);
      return indicator.up({ latency_ms: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
