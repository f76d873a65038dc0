import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DelayedError, Job, Worker } from 'bullmq';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { APP_CONFIG, AppConfig, requestContext } from '@karmabot/common';
import { BotContext } from '../context/bot-context';
import {
  isChatUnreachable,
  isPermanentTelegramError,
  retryAfterSecondsOf,
} from '../errors/telegram-error-facts';
import { localeOf } from '../i18n/locale';
import { sleep } from '../launch/sleep';
import { LocaleStore } from '../i18n/locale-store';
import { messagesFor } from '../i18n/messages-for';
import { botPushes } from '../status/telegram-bot-metrics';
import { BotUseCases } from '../use-cases/bot-use-cases';
import { BullConnections } from './bull-connections';
import { ChatGate } from './chat-gate';
import { PushJob } from './push-job';
import { pushText } from './push-text';
import { PUSH_QUEUE } from './telegram-push-queue';
import { UnreachableChats } from './unreachable-chats';

/** A chat that keeps answering 429 is given up on after this many waits. */
const MAX_RATE_LIMITED_WAITS = 20;
/** Shutdown waits this long at most for sends in flight. */
const SHUTDOWN_WAIT_MS = 5000;
/** A delayed job may wake a little before its slot; that close, it just goes. */
const EARLY_ENOUGH_MS = 20;

/** A push job, with its place in the chat's line and how often Telegram made it wait. */
type PushJobData = PushJob & { slotAt?: number; rateLimitedWaits?: number };

type Delivery = { chatId: string; languageCode: string | null } | null;

/**
 * Sends the queued pushes within Telegram's limits: BullMQ's limiter holds all replicas to
 * TELEGRAM_PUSH_PER_SECOND together, the chat gate to one message a second per chat, in order.
 * A 429 waits `retry_after` and tries again (without spending an attempt, and ahead of the pushes
 * queued behind it); a 403 marks the chat unreachable and drops the push; other 4xx are dropped
 * with a log line; anything else is retried with backoff.
 */
@Injectable()
export class TelegramPushWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TelegramPushWorker.name);
  private worker: Worker<PushJobData> | null = null;

  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly connections: BullConnections,
    private readonly gate: ChatGate,
    private readonly unreachable: UnreachableChats,
    private readonly locales: LocaleStore,
    private readonly useCases: BotUseCases,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    this.worker = new Worker(
      PUSH_QUEUE,
      (job, token) => requestContext.run({ correlationId: `push-${job.id}` }, () => this.deliver(job, token)),
      {
        connection: this.connections.worker(),
        prefix: this.connections.prefix,
        concurrency: 10,
        limiter: { max: this.config.TELEGRAM_PUSH_PER_SECOND, duration: 1000 },
      },
    );
    this.worker.on('error', (error) =>
      this.logger.warn({ msg: 'telegram.push.worker_error', error: error.message }),
    );
    this.worker.on('failed', (job, error) =>
      this.logger.warn({
        msg: 'telegram.push.failed',
        job_id: job?.id,
        attempts: job?.attemptsMade,
        error: error.message,
      }),
    );
  }

  async beforeApplicationShutdown() {
    // Sends in flight may finish; one stuck on the network is retried by another replica (stalled job).
    await Promise.race([this.worker?.close(), sleep(SHUTDOWN_WAIT_MS)]);
  }

  private async deliver(job: Job<PushJobData>, token?: string): Promise<string> {
    const delivery = await this.deliveryOf(job.data);
    if (!delivery) {
      botPushes.inc({ outcome: 'skipped' });
      return 'no telegram chat';
    }
    const { chatId } = delivery;
    if (await this.unreachable.isUnreachable(chatId)) {
      botPushes.inc({ outcome: 'skipped' });
      return 'chat unreachable';
    }
    const slotAt = await this.gate.admit(chatId, job.data.slotAt);
    if (slotAt !== job.data.slotAt) await job.updateData({ ...job.data, slotAt });
    if (slotAt - Date.now() > EARLY_ENOUGH_MS) return this.later(job, token, slotAt - Date.now());

    const locale = (await this.locales.chosen(chatId)) ?? localeOf(delivery.languageCode ?? undefined);
    const t = messagesFor(locale);
    const text = pushText(
      job.data,
      t,
      job.data.kind === 'order_changed' ? await this.balanceOf(chatId) : null,
    );
    try {
      await this.bot.telegram.sendMessage(chatId, text);
      botPushes.inc({ outcome: 'sent' });
      this.logger.log({ msg: 'telegram.push.sent', job_id: job.id, kind: job.data.kind, chat_id: chatId });
      return 'sent';
    } catch (error) {
      const retryAfterS = retryAfterSecondsOf(error);
      if (retryAfterS !== null) {
        botPushes.inc({ outcome: 'rate_limited' });
        const waits = (job.data.rateLimitedWaits ?? 0) + 1;
        this.logger.warn({
          msg: 'telegram.push.rate_limited',
          job_id: job.id,
          chat_id: chatId,
          retry_after_s: retryAfterS,
          waits,
        });
        if (waits > MAX_RATE_LIMITED_WAITS)
          throw new Error(`still rate limited after ${MAX_RATE_LIMITED_WAITS} waits`);
        const keptSlot = await this.gate.block(chatId, Date.now() + retryAfterS * 1000);
        await job.updateData({ ...job.data, rateLimitedWaits: waits, slotAt: keptSlot });
        return this.later(job, token, keptSlot - Date.now());
      }
      if (isChatUnreachable(error)) {
        botPushes.inc({ outcome: 'unreachable' });
        await this.unreachable.mark(chatId, (error as Error).message);
        return 'chat unreachable';
      }
      if (isPermanentTelegramError(error)) {
        botPushes.inc({ outcome: 'failed' });
        this.logger.warn({
          msg: 'telegram.push.dropped',
          job_id: job.id,
          chat_id: chatId,
          error: (error as Error).message,
        });
        return 'dropped';
      }
      botPushes.inc({ outcome: 'failed' });
      throw error;
    }
  }

  /** Puts the job back for later without spending one of its attempts. */
  private async later(job: Job, token: string | undefined, waitMs: number): Promise<never> {
    await job.moveToDelayed(Date.now() + waitMs, token);
    throw new DelayedError();
  }

  /** The chat to write to: given, or the Telegram identity of the order's (live) customer. */
  private async deliveryOf(job: PushJob): Promise<Delivery> {
    if (job.kind !== 'order_changed') return { chatId: job.chatId, languageCode: null };
    const customer = await this.useCases.customerById(job.customerId);
    const telegram = customer.identities.find((identity) => identity.platform === 'telegram');
    return telegram ? { chatId: telegram.externalId, languageCode: customer.locale } : null;
  }

  /** The balance after the change, best effort: the push goes out without it rather than not at all. */
  private async balanceOf(telegramId: string): Promise<{ balance: number; pending: number } | null> {
    try {
      const summary = await this.useCases.loyalty(telegramId);
      return { balance: summary.balance, pending: summary.pending };
    } catch (error) {
      this.logger.warn({
        msg: 'telegram.push.balance_unavailable',
        chat_id: telegramId,
        error: (error as Error).message,
      });
      return null;
    }
  }
}
