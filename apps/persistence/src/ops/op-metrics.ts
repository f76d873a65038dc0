import { Counter } from 'prom-client';
import { metricsRegistry } from '@karmabot/common';

/** Ops served, by type and decision (`replayed` tells a retry from a first apply), on /metrics. */
export const opsServed = new Counter({
  name: 'karmabot_ops_total',
  help: 'Ops served by persistence, by type, state and whether they were replays',
  labelNames: ['type', 'state', 'replayed'] as const,
  registers: [metricsRegistry],
});
