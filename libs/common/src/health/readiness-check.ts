import type { HealthIndicatorResult } from '@nestjs/terminus';

/** One dependency an app needs before it can serve; each app provides its list. */
export type ReadinessCheck = () => Promise<HealthIndicatorResult>;
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
