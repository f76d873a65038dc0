import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf, TelegramError } from 'telegraf';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { BotCatalogue } from '../catalogue/bot-catalogue';
import { BotContext } from '../context/bot-context';
import { FriendlyErrorReply } from '../errors/friendly-error-reply';
import { EN } from '../i18n/en';
import { botLaunchFailures } from '../status/telegram-bot-metrics';
import { TelegramBotStatus } from '../status/telegram-bot-status';
import { launchBackoffMs } from './launch-backoff';
import { ALLOWED_UPDATES, PollingLoop } from './polling-loop';
import { PollingLock } from './polling-lock';
import { abortable } from './abortable';
import { sleep } from './sleep';

/** Shutdown waits this long at most for the polling loop to wind down. */
const SHUTDOWN_WAIT_MS = 5000;

/** Commands shown in Telegram's menu (best effort: not every Bot API server knows setMyCommands). */
const COMMANDS = ['start', 'order', 'orders', 'loyalty', 'link', 'profile', 'lang', 'menu', 'help'] as const;

/**
 * Runs the bot beside the app's RPC handlers without ever holding them up: nestjs-telegraf is
 * configured with `launchOptions: false` and this launches it in the background.
 * - Webhook mode (TELEGRAM_WEBHOOK_URL): getMe, then setWebhook with the secret token; updates
 *   then arrive through the gateway.
 * - Polling mode: only the replica holding the poller lock polls; the others stand by and one
 *   takes over within about a lock TTL when the holder dies.
 * A failed launch or poll (bad token, network) is retried with exponential backoff and shown in
 * readiness (`telegram_bot` details) and /metrics; the app keeps serving meanwhile.
 */
@Injectable()
export class BotLauncher implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TelegramBot');
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly status: TelegramBotStatus,
    private readonly lock: PollingLock,
    private readonly loop: PollingLoop,
    private readonly catalogue: BotCatalogue,
    private readonly errors: FriendlyErrorReply,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    // The last line of defence: an error no handler caught is logged and answered, never thrown.
    this.bot.catch((error, ctx) => this.errors.send(ctx, error));
    // nestjs-telegraf stops the bot at shutdown, and Telegraf refuses to stop a bot it did not
    // launch itself (polling here is ours): let that call be a no-op instead of a shutdown error.
    const stop = this.bot.stop.bind(this.bot);
    this.bot.stop = (reason?: string) => {
      try {
        stop(reason);
      } catch {
        this.logger.debug({ msg: 'telegram.stop.not_launched_by_telegraf' });
      }
    };
  }

  onApplicationBootstrap() {
    const mode = this.config.TELEGRAM_WEBHOOK_URL ? 'webhook' : 'polling';
    const problem = this.catalogue.problem ?? this.webhookProblem();
    if (problem) {
      // A settings error: retrying cannot help, so the bot stays down (visibly) and the app serves on.
      this.status.set('failing', { mode, lastError: problem });
      this.logger.error({ msg: 'telegram.settings.invalid', error: problem });
      return;
    }
    this.status.set('starting', { mode });
    this.running = (mode === 'webhook' ? this.runWebhook() : this.runPolling()).catch((error: Error) =>
      this.logger.error({ msg: 'telegram.launcher.crashed', error: error.message, stack: error.stack }),
    );
  }

  async beforeApplicationShutdown() {
    this.stopping.abort();
    // Handlers in flight finish (bounded by their own timeout); the lock is released after them.
    await Promise.race([this.running, sleep(SHUTDOWN_WAIT_MS)]);
  }

  /** The gateway takes only updates carrying the secret, so webhook mode without one would receive nothing. */
  private webhookProblem(): string | null {
    if (!this.config.TELEGRAM_WEBHOOK_URL || this.config.TELEGRAM_WEBHOOK_SECRET) return null;
    return 'TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is empty: webhook mode needs the secret';
  }

  private async runWebhook(): Promise<void> {
    await this.withRetries(this.stopping.signal, async () => {
      await this.connect(this.stopping.signal);
      await this.bot.telegram.callApi(
        'setWebhook',
        {
          url: this.config.TELEGRAM_WEBHOOK_URL,
          secret_token: this.config.TELEGRAM_WEBHOOK_SECRET,
          allowed_updates: [...ALLOWED_UPDATES],
        },
        abortable(this.stopping.signal),
      );
      this.status.set('webhook', { attempts: 0, lastError: null, nextAttemptAt: null });
      this.logger.log({ msg: 'telegram.webhook.set', bot: this.bot.botInfo?.username });
    });
  }

  private async runPolling(): Promise<void> {
    const everyMs = Math.max(250, Math.floor(this.lock.ttlMs / 3));
    while (!this.stopping.signal.aborted) {
      const isLeader = await this.lock.acquire().catch((error: Error) => {
        this.logger.warn({ msg: 'telegram.poller.lock_unavailable', error: error.message });
        return false;
      });
      if (!isLeader) {
        if (this.status.current.state !== 'standby') {
          this.status.set('standby', { attempts: 0, lastError: null, nextAttemptAt: null });
          this.logger.log({
            msg: 'telegram.poller.standby',
            holder: await this.lock.holder().catch(() => null),
          });
        }
        await sleep(everyMs, this.stopping.signal);
        continue;
      }
      this.logger.log({ msg: 'telegram.poller.elected', instance: this.lock.owner });
      const session = new AbortController();
      const endSession = () => session.abort();
      this.stopping.signal.addEventListener('abort', endSession, { once: true });
      const keeping = this.keepLock(session, everyMs);
      try {
        await this.withRetries(session.signal, async () => {
          await this.connect(session.signal);
          await this.bot.telegram.callApi('deleteWebhook', {}, abortable(session.signal));
          await this.loop.run(session.signal, () => {
            if (this.status.current.state !== 'polling') {
              this.status.set('polling', { attempts: 0, lastError: null, nextAttemptAt: null });
              this.logger.log({ msg: 'telegram.polling.started', bot: this.bot.botInfo?.username });
            }
          });
        });
      } finally {
        session.abort();
        this.stopping.signal.removeEventListener('abort', endSession);
        await keeping;
        await this.lock.release().catch(() => undefined); // it expires on its own anyway
        this.logger.log({ msg: 'telegram.poller.stepped_down', instance: this.lock.owner });
      }
    }
  }

  /** Renews the lock every third of its TTL; ends the session once it is lost or cannot be renewed in time. */
  private async keepLock(session: AbortController, everyMs: number): Promise<void> {
    let renewedAt = Date.now();
    while (!session.signal.aborted) {
      await sleep(everyMs, session.signal);
      if (session.signal.aborted) return;
      try {
        if (await this.lock.renew()) {
          renewedAt = Date.now();
          continue;
        }
        this.logger.warn({ msg: 'telegram.poller.lock_lost', instance: this.lock.owner });
        session.abort();
      } catch (error) {
        if (Date.now() - renewedAt < this.lock.ttlMs) continue;
        this.logger.warn({ msg: 'telegram.poller.lock_expired', error: (error as Error).message });
        session.abort();
      }
    }
  }

  /** Runs `attempt` until it returns or `signal` aborts, backing off after each failure. */
  private async withRetries(signal: AbortSignal, attempt: () => Promise<void>): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        await attempt();
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (this.status.current.state === 'polling') failures = 0; // it ran fine before this failure
        failures += 1;
        const delayMs = launchBackoffMs(failures, this.config.TELEGRAM_LAUNCH_RETRY_MAX_MS);
        const message = describe(error);
        botLaunchFailures.inc();
        this.status.set('failing', {
          attempts: failures,
          lastError: message,
          nextAttemptAt: new Date(Date.now() + delayMs).toISOString(),
        });
        this.logger.warn({
          msg: 'telegram.launch.failed',
          attempt: failures,
          retry_in_ms: delayMs,
          error: message,
        });
        await sleep(delayMs, signal);
      }
    }
  }

  /** getMe (which checks the token) and, best effort, the command list; abandoned when `signal` aborts. */
  private async connect(signal: AbortSignal): Promise<void> {
    const options = abortable(signal);
    this.bot.botInfo = await this.bot.telegram.callApi('getMe', {}, options);
    this.status.set(this.status.current.state, { bot: this.bot.botInfo.username });
    const commands = COMMANDS.map((command) => ({ command, description: describeCommand(command) }));
    await this.bot.telegram
      .callApi('setMyCommands', { commands }, options)
      .catch((error: Error) => this.logger.debug({ msg: 'telegram.commands.not_set', error: error.message }));
  }
}

function describe(error: unknown): string {
  if (error instanceof TelegramError) return `${error.code} ${error.description}`;
  return error instanceof Error ? error.message : String(error);
}

/** The first line of /help about a command, in English (Telegram's menu takes one language here). */
function describeCommand(command: string): string {
  const line = EN.help.split('\n').find((l) => l.startsWith(`/${command} `));
  return line ? line.split('— ')[1] : command === 'start' ? 'create your account' : command;
}
