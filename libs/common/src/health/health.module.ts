import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';
import { RedisHealth } from './redis.health';

export interface ExtraReadinessChecks {
  imports?: ModuleMetadata['imports'];
  inject?: unknown[];
  useFactory: (...deps: never[]) => ReadinessCheck[];
}

/**
 * `/healthz`, `/readyz` and `/metrics` for one app. Redis is always checked; an app adds
 * the dependencies it needs to serve (persistence: its stores).
 */
@Module({})
export class HealthModule {
  static forApp(extra?: ExtraReadinessChecks): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule, ...(extra?.imports ?? [])],
      controllers: [HealthController],
      providers: [
        RedisHealth,
        {
          provide: READINESS_CHECKS,
          inject: [RedisHealth, ...((extra?.inject ?? []) as never[])],
          useFactory: (redis: RedisHealth, ...deps: never[]): ReadinessCheck[] => [
            () => redis.check(),
            ...(extra?.useFactory(...deps) ?? []),
          ],
        },
      ],
    };
  }
}
