import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { BotContext } from '../context/bot-context';
import { abortable } from './abortable';
import { sleep } from './sleep';
import { UpdateOffsets } from './update-offsets';

/** What the bot asks Telegram for; edits and chat-member changes only to answer them properly. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/**
 * A server that answers getUpdates at once instead of holding the request (as test servers
 * do) would be polled in a tight loop; an empty answer faster than this waits out the rest.
 */
const MIN_EMPTY_POLL_MS = 250;

/**
 * Long polling, run by the replica holding the poller lock until `signal` aborts (lock lost,
 * shutdown). Updates of one chat are handled in order, different chats side by side. A failed
 * getUpdates ends the loop with the error, for the launcher to retry with backoff.
 */
@Injectable()
export class PollingLoop {
  private readonly logger = new Logger('TelegramBot');

  constructor(
    @InjectBot() private readonly bot: Telegraf<BotContext>,
    private readonly offsets: UpdateOffsets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(signal: AbortSignal, onPolled: () => void): Promise<void> {
    let offset = await this.offsets.load();
    while (!signal.aborted) {
      const started = Date.now();
      let updates: Update[];
      try {
        updates = await this.bot.telegram.callApi(
          'getUpdates',
          { offset, timeout: this.config.TELEGRAM_POLL_TIMEOUT_S, allowed_updates: [...ALLOWED_UPDATES] },
          abortable(signal),
        );
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
      onPolled();
      if (updates.length > 0) {
        await this.dispatch(updates);
        offset = updates[updates.length - 1].update_id + 1;
        await this.offsets.save(offset);
      } else if (Date.now() - started < MIN_EMPTY_POLL_MS) {
        await sleep(MIN_EMPTY_POLL_MS - (Date.now() - started), signal);
      }
    }
  }

  private async dispatch(updates: Update[]): Promise<void> {
    const byChat = new Map<string, Update[]>();
    for (const update of updates) {
      const chat = chatKeyOf(update);
      byChat.set(chat, [...(byChat.get(chat) ?? []), update]);
    }
    await Promise.all(
      [...byChat.values()].map(async (chatUpdates) => {
        for (const update of chatUpdates) {
          // handleUpdate answers its own errors through bot.catch; this guards the loop itself.
          await this.bot.handleUpdate(update).catch((error: Error) =>
            this.logger.error({
              msg: 'telegram.update.unhandled',
              update_id: update.update_id,
              error: error.message,
            }),
          );
        }
      }),
    );
  }
}

function chatKeyOf(update: Update): string {
  const record = update as unknown as Record<
    string,
    { chat?: { id: number }; message?: { chat?: { id: number } }; from?: { id: number } }
  >;
  for (const value of Object.values(record)) {
    if (typeof value !== 'object' || value === null) continue;
    const id = value.chat?.id ?? value.message?.chat?.id ?? value.from?.id;
    if (id !== undefined) return String(id);
  }
  return `update:${update.update_id}`;
}
