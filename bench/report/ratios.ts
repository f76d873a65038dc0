import type { OrderWrites } from '../figures/order-writes';
import type { PgbenchBaseline } from '../figures/pgbench-baseline';
import { SUITE_TOTAL } from '../figures/order-writes';
import { round } from '../support/latency-summary';
import type { Ratios } from './bench-result';
import { FigureResult, notAvailable } from './figure-result';

export function ratiosOf(
  baseline: FigureResult<PgbenchBaseline>,
  orders: FigureResult<OrderWrites>,
): FigureResult<Ratios> {
  if (!baseline.available) return notAvailable(`no pgbench baseline: ${baseline.reason}`);
  if (!orders.available) return notAvailable(`no order writes: ${orders.reason}`);
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 3) : 0);
  return {
    available: true,
    ordersVsPgbenchPrepared: ratio(orders.ordersPerSecond, baseline.baseline.ordersPerSecond),
    ordersVsPgbenchExtended: ratio(orders.ordersPerSecond, baseline.extended.ordersPerSecond),
    ordersVsPgbenchBatched: ratio(orders.ordersPerSecond, baseline.batched.ordersPerSecond),
    p99VsPgbenchPrepared: ratio(orders.latencyMs.p99, baseline.baseline.latencyMs.p99),
    serverCpuVsPgbenchPrepared: ratio(
      baseline.preparedAfter
        ? (baseline.prepared.cpuMsPerOrder.postgres + baseline.preparedAfter.cpuMsPerOrder.postgres) / 2
        : baseline.prepared.cpuMsPerOrder.postgres,
      orders.cpuMsPerOrder[SUITE_TOTAL] ?? 0,
    ),
  };
}
