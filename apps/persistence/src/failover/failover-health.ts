import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { FailoverRuntime } from './failover-runtime';

/**
 * Persistence's own readiness: it serves in every mode, CACHE_ONLY included (DESIGN: "persistence
 * stays ready in CACHE_ONLY while Redis is up"; Redis has its own check), so this reports the mode
 * and each store's breaker without ever failing on a store.
 */
@Injectable()
export class FailoverHealth {
  constructor(private readonly runtime: FailoverRuntime) {}

  async check(): Promise<HealthIndicatorResult> {
    const snapshot = this.runtime.machine.snapshot();
    return {
      stores: {
        status: 'up',
        mode: snapshot.mode,
        primary: snapshot.breakers.primary.state,
        backup: snapshot.breakers.backup.state,
      },
    };
  }
}
