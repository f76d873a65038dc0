import { Controller, Get, Header, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { metricsRegistry } from '../metrics/metrics';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';

const startedAt = Date.now();

/** Liveness, readiness and metrics, served by every app on its own port. */
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** Liveness: the process answers. Never touches a database, so a DB outage restarts nothing. */
  @Get('healthz')
  live() {
    return { status: 'ok', uptime_s: Math.round((Date.now() - startedAt) / 1000) };
  }

  @Get('readyz')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check(this.checks);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        reply.status(503);
        return error.getResponse();
      }
      throw error;
    }
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics() {
    return metricsRegistry.metrics();
  }
}
