import TelegramServer from 'telegram-test-api';
import { uniqueTelegramId } from '../fixtures/unique';
import { waitUntil } from './wait-until';

export interface TelegramUserOptions {
  /** Telegram user id (also the private chat's id); unique by default. */
  id?: number;
  firstName?: string;
  userName?: string;
  languageCode?: string;
}

export interface BotButton {
  text: string;
  data: string;
}

/** A message from the bot as the user sees it now (edits applied). */
export interface BotReply {
  messageId: number;
  text: string;
  /** Inline keyboard rows of button texts; `[]` when the message has none. */
  keyboard: string[][];
  buttons: BotButton[];
}

type StoredBotMessage = TelegramServer['storage']['botMessages'][number];

/**
 * A person in a private chat with the bot, scripted through telegram-test-api: sends text and
 * commands, taps inline buttons (as Telegram does: the callback names the message it sits on),
 * and reads the bot's replies in order.
 */
export class TelegramUser {
  readonly id: number;
  readonly firstName: string;
  private readonly userName: string;
  private readonly languageCode: string;

  constructor(
    private readonly server: TelegramServer,
    private readonly botToken: string,
    options: TelegramUserOptions = {},
  ) {
    this.id = options.id ?? Number(uniqueTelegramId().slice(0, 12));
    this.firstName = options.firstName ?? 'Alice';
    this.userName = options.userName ?? `user${this.id}`;
    this.languageCode = options.languageCode ?? 'en';
  }

  get from() {
    return {
      id: this.id,
      is_bot: false,
      first_name: this.firstName,
      username: this.userName,
      language_code: this.languageCode,
    };
  }

  get chat() {
    return { id: this.id, type: 'private' as const, first_name: this.firstName, username: this.userName };
  }

  /** Sends a text message; text starting with `/` is sent as a command (with its bot_command entity). */
  async send(text: string): Promise<void> {
    const message = {
      botToken: this.botToken,
      date: Math.floor(Date.now() / 1000),
      from: this.from,
      chat: this.chat,
      text,
      ...(text.startsWith('/')
        ? { entities: [{ offset: 0, length: commandLength(text), type: 'bot_command' }] }
        : {}),
    };
    if (text.startsWith('/')) await this.server.addUserCommand(message as never);
    else await this.server.addUserMessage(message as never);
  }

  /** Taps the button labelled `text` on `reply` (its current keyboard). */
  async tap(reply: BotReply, text: string | RegExp): Promise<void> {
    const current = this.message(reply.messageId);
    const button = current.buttons.find((b) =>
      typeof text === 'string' ? b.text === text : text.test(b.text),
    );
    if (!button) {
      throw new Error(
        `No button ${text} on message ${reply.messageId}; it has ${JSON.stringify(current.keyboard)}`,
      );
    }
    await this.tapData(reply.messageId, button.data);
  }

  /** A callback with arbitrary data on a message (e.g. a button from an older message). */
  async tapData(messageId: number, data: string): Promise<void> {
    await this.server.addUserCallback({
      botToken: this.botToken,
      date: Math.floor(Date.now() / 1000),
      from: this.from,
      message: { message_id: messageId, chat: this.chat, from: { id: 0, is_bot: true, first_name: 'Bot' } },
      data,
    } as never);
  }

  /** The next message the bot sent to this chat that the user has not read yet. */
  async nextReply(timeoutMs = 15_000): Promise<BotReply> {
    const stored = await waitUntil(async () => this.unread()[0], {
      timeoutMs,
      intervalMs: 50,
      describe: () =>
        `a reply from the bot in chat ${this.id} (history: ${JSON.stringify(this.history().map((m) => m.text))})`,
    });
    stored.isRead = true;
    return this.message(stored.messageId);
  }

  /** Fails if the bot sends anything to this chat within `ms`. */
  async expectSilence(ms = 1500): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const unread = this.unread();
    if (unread.length)
      throw new Error(`Expected no reply, got ${JSON.stringify(unread.map((m) => m.message.text))}`);
  }

  /** Waits until message `messageId` (edited in place by a button) satisfies `isDone`. */
  async waitForMessage(
    messageId: number,
    isDone: (reply: BotReply) => boolean,
    timeoutMs = 15_000,
  ): Promise<BotReply> {
    return waitUntil(
      async () => {
        const reply = this.message(messageId);
        return isDone(reply) ? reply : undefined;
      },
      {
        timeoutMs,
        intervalMs: 50,
        describe: () => `message ${messageId} to change; it is ${JSON.stringify(this.message(messageId))}`,
      },
    );
  }

  message(messageId: number): BotReply {
    const stored = this.stored().find((m) => m.messageId === messageId);
    if (!stored) throw new Error(`The bot sent no message ${messageId} to chat ${this.id}`);
    return toReply(stored);
  }

  /** Everything the bot sent to this chat, oldest first, as it reads now. */
  history(): BotReply[] {
    return this.stored().map(toReply);
  }

  /** Marks everything sent so far as read (e.g. after a step whose replies do not matter). */
  skipUnread(): void {
    for (const stored of this.unread()) stored.isRead = true;
  }

  private unread(): StoredBotMessage[] {
    return this.stored().filter((m) => !m.isRead);
  }

  private stored(): StoredBotMessage[] {
    return this.server.storage.botMessages.filter(
      (m) => m.botToken === this.botToken && String(m.message.chat_id) === String(this.id),
    );
  }
}

function commandLength(text: string): number {
  const end = text.search(/\s/);
  return end < 0 ? text.length : end;
}

function toReply(stored: StoredBotMessage): BotReply {
  const markup = stored.message.reply_markup as
    { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  const rows = markup?.inline_keyboard ?? [];
  return {
    messageId: stored.messageId,
    text: stored.message.text,
    keyboard: rows.map((row) => row.map((button) => button.text)),
    buttons: rows.flat().map((button) => ({ text: button.text, data: button.callback_data ?? '' })),
  };
}
