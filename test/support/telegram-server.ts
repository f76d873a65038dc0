import { randomInt } from 'node:crypto';
import TelegramServer from 'telegram-test-api';
import { freePort } from './free-port';
import { TelegramUser, TelegramUserOptions } from './telegram-user';

export interface TelegramTestServer {
  /** `http://127.0.0.1:<port>`: a Bot API root for TELEGRAM_API_ROOT (or the fault proxy's upstream). */
  apiRoot: string;
  /** A token of a bot of its own (`<digits>:<secret>`), so two servers never share update ids in Redis. */
  botToken: string;
  server: TelegramServer;
  /** A scripted Telegram user writing to the bot. */
  user(options?: TelegramUserOptions): TelegramUser;
  stop(): Promise<void>;
}

/**
 * `telegram-test-api` on a free loopback port, standing in for api.telegram.org: the bot polls
 * it (or it calls the bot's webhook) and scripted users send messages and taps through it.
 */
export async function startTelegramServer(): Promise<TelegramTestServer> {
  const port = await freePort();
  // storeTimeout: keep messages for the whole run instead of the default minute.
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
  await server.start();
  const botToken = `${randomInt(1e8, 1e9)}:test-${randomInt(1e9, 2 ** 40).toString(36)}`;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    botToken,
    server,
    user: (options) => new TelegramUser(server, botToken, options),
    stop: async () => {
      await server.stop();
    },
  };
}
