import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonLogger } from '../logging/json-logger';

/**
 * SIGTERM/SIGINT drain the app instead of dropping it: no new work is taken, requests in flight
 * finish and their connections close after the answer (`Connection: close`, or an idle
 * keep-alive socket would hold the server open for its whole timeout), lifecycle hooks close
 * pools and Redis, and the process exits 0. Whatever is still running after `graceMs` is cut.
 */
export function drainOnSignals(app: NestFastifyApplication, logger: JsonLogger, graceMs: number): void {
  let closing = false;
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  const drain = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.event('info', 'app.draining', { signal, grace_ms: graceMs });
    const deadline = setTimeout(() => {
      logger.event('warn', 'app.drain_timeout', { grace_ms: graceMs });
      process.exit(1);
    }, graceMs);
    deadline.unref();
    try {
      await app.close();
      logger.event('info', 'app.stopped', { signal });
      process.exit(0);
    } catch (error) {
      logger.error(error);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void drain('SIGTERM'));
  process.once('SIGINT', () => void drain('SIGINT'));
}
