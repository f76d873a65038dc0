import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job, Queue, Worker } from 'bullmq';
import { AppError, OrderResult } from '@karmabot/contracts';
import { sleep } from '../launch/sleep';
import { BullConnections } from '../push/bull-connections';
import { TelegramPushQueue } from '../push/telegram-push-queue';
import { pushedOrder } from '../push/push-job';
import { BotUseCases } from '../use-cases/bot-use-cases';

const QUEUE = 'telegram-queued-orders';
/** First look a couple of seconds after the order was queued, then less and less often. */
const FIRST_CHECK_MS = 2_000;
const MAX_CHECK_INTERVAL_MS = 60_000;
/** Deferred writes are replayed when a store returns; a week without one is an operator's problem. */
const MAX_WATCH_MS = 7 * 24 * 3600 * 1000;
const SHUTDOWN_WAIT_MS = 5000;

interface WatchJob {
  opId: string;
  chatId: string;
  checks: number;
}

/**
 * Follows an order the bot could only queue (CACHE_ONLY): it asks for the op's state now and
 * then, and when persistence has applied (or rejected) it, pushes the confirmation to the chat
 * the order came from. Durable in BullMQ, so a restart loses no follow-up.
 */
@Injectable()
export class QueuedOrderWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueuedOrderWatcher.name);
  private readonly queue: Queue<WatchJob>;
  private worker: Worker<WatchJob> | null = null;

  constructor(
    private readonly connections: BullConnections,
    private readonly useCases: BotUseCases,
    private readonly push: TelegramPushQueue,
  ) {
    this.queue = new Queue<WatchJob>(QUEUE, { connection: connections.producer, prefix: connections.prefix });
  }

  async watch(opId: string, chatId: number | string): Promise<void> {
    await this.queue.add(
      'watch',
      { opId, chatId: String(chatId), checks: 0 },
      { jobId: `queued-order-${opId}`, delay: FIRST_CHECK_MS, removeOnComplete: 1000, removeOnFail: 1000 },
    );
  }

  onApplicationBootstrap() {
    this.worker = new Worker<WatchJob>(QUEUE, (job, token) => this.check(job, token), {
      connection: this.connections.worker(),
      prefix: this.connections.prefix,
      concurrency: 5,
    });
    this.worker.on('error', (error) =>
      this.logger.warn({ msg: 'telegram.queued_orders.worker_error', error: error.message }),
    );
  }

  async beforeApplicationShutdown() {
    await Promise.race([this.worker?.close(), sleep(SHUTDOWN_WAIT_MS)]);
    await this.queue.close();
  }

  private async check(job: Job<WatchJob>, token?: string): Promise<string> {
    const { opId, chatId } = job.data;
    const op = await this.useCases.op(opId).catch((error: unknown) => {
      // Not there yet, or no store to ask: both mean "still queued" to us.
      if (error instanceof AppError) return null;
      throw error;
    });
    if (op?.state === 'applied') {
      const order = (op.result as OrderResult | undefined)?.order;
      if (order) {
        await this.push.add(
          { kind: 'queued_order_applied', chatId, order: pushedOrder(order) },
          `applied-${opId}`,
        );
      }
      return 'applied';
    }
    if (op?.state === 'rejected') {
      const reason = op.error?.detail ?? op.error?.code ?? 'rejected';
      await this.push.add({ kind: 'queued_order_rejected', chatId, reason }, `rejected-${opId}`);
      return 'rejected';
    }
    if (Date.now() - job.timestamp > MAX_WATCH_MS) {
      this.logger.warn({ msg: 'telegram.queued_order.gave_up', op_id: opId, chat_id: chatId });
      return 'gave-up';
    }
    const checks = job.data.checks + 1;
    await job.updateData({ ...job.data, checks });
    await job.moveToDelayed(
      Date.now() + Math.min(MAX_CHECK_INTERVAL_MS, FIRST_CHECK_MS * 2 ** checks),
      token,
    );
    throw new DelayedError();
  }
}
