import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '@karmabot/common';
import { STORE_MODES, STORE_NAMES, StoreMode, StoreName } from '@karmabot/contracts';
import { BreakerSnapshot } from '@karmabot/persistence/failover/circuit-breaker';

/** 1 for the current mode, 0 for the others (one series per mode, so alerts can match on it). */
const storeMode = new Gauge({
  name: 'karmabot_store_mode',
  help: 'The current store mode (1 on the current one)',
  labelNames: ['mode'] as const,
  registers: [metricsRegistry],
});

const storeUp = new Gauge({
  name: 'karmabot_store_up',
  help: 'Whether each store takes traffic (its breaker is closed)',
  labelNames: ['store'] as const,
  registers: [metricsRegistry],
});

const probeLatency = new Gauge({
  name: 'karmabot_store_probe_latency_ms',
  help: 'Round trip of the last probe of each store (absent while it fails)',
  labelNames: ['store'] as const,
  registers: [metricsRegistry],
});

export const modeChanges = new Counter({
  name: 'karmabot_store_mode_changes_total',
  help: 'Mode changes decided by this process, by the mode entered',
  labelNames: ['to'] as const,
  registers: [metricsRegistry],
});

export const deferredDepth = new Gauge({
  name: 'karmabot_deferred_ops',
  help: 'Deferred writes not applied yet, and those failed for good (state)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});

/** Sets the mode and store gauges from the machine's snapshot. */
export function recordStoreGauges(mode: StoreMode, breakers: Record<StoreName, BreakerSnapshot>): void {
  for (const each of STORE_MODES) storeMode.set({ mode: each }, each === mode ? 1 : 0);
  for (const store of STORE_NAMES) {
    const breaker = breakers[store];
    storeUp.set({ store }, breaker.state === 'closed' ? 1 : 0);
    if (breaker.latencyMs === null) probeLatency.remove({ store });
    else probeLatency.set({ store }, breaker.latencyMs);
  }
}
