import { randomUUID } from 'node:crypto';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, ConfigInvalid, loadConfig } from '../config/load-config';
import { JsonLogger } from '../logging/json-logger';
import { requestContext } from '../logging/request-context';
import { httpDuration, httpRequests } from '../metrics/metrics';
import { PrefixedRedisServer } from '../rpc/prefixed-redis-server';
import { StrictValidationPipe } from '../http/strict-validation.pipe';
import { drainOnSignals } from './graceful-shutdown';

export interface StartAppOptions {
  name: string;
  module: Type<unknown>;
  port: (config: AppConfig) => number;
  host?: (config: AppConfig) => string;
  /** Serve the RPC patterns of this app's handlers over the Redis transport. */
  serveRpc: boolean;
  /** Routes (beyond the app's controllers) set up before listen, e.g. Swagger. */
  configure?: (app: NestFastifyApplication, config: AppConfig) => void | Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Starts one app the same way every time: config validated first (exit 1 naming every bad
 * variable), JSON logs, Fastify with a body limit, a correlation id per request (X-Request-Id in
 * and out), request logs and metrics, RPC over the prefixed Redis transport, draining on SIGTERM.
 */
export async function startApp(options: StartAppOptions): Promise<INestApplication> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigInvalid) {
      console.error(`${options.name}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = new JsonLogger(options.name, config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logger: false,
    forceCloseConnections: 'idle',
    // The seed's routes are written with a trailing slash (`POST /v1/telegram/users/`).
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    logger,
    bufferLogs: true,
  });
  instrumentRequests(app, logger);
  drainOnSignals(app, logger, config.SHUTDOWN_GRACE_MS);
  app.useGlobalPipes(new StrictValidationPipe());
  await options.configure?.(app, config);
  if (options.serveRpc) {
    // inheritAppConfig: the one error filter (an APP_FILTER of the HTTP app) must also cover
    // message handlers, or remote errors would arrive as 500s. Nest reads global filters when
    // it registers handlers, so adding them to the microservice afterwards would be too late.
    app.connectMicroservice(
      { strategy: new PrefixedRedisServer(config.REDIS_PREFIX, config.REDIS_URL) },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
  }
  await app.listen(options.port(config), options.host?.(config) ?? '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.port(config);
  logger.event('info', 'app.started', { port, pid: process.pid });
  return app;
}

function instrumentRequests(app: NestFastifyApplication, logger: JsonLogger) {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    requestContext.run({ correlationId: String(request.id) }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    httpDuration.observe({ method: request.method, route }, seconds);
    if (!route.endsWith('healthz') && !route.endsWith('readyz') && !route.endsWith('metrics')) {
      logger.event(reply.statusCode >= 500 ? 'warn' : 'info', 'http.request', {
        correlation_id: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      });
    }
    done();
  });
}
