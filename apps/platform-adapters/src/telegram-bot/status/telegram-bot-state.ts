/**
 * Where the bot stands, as readiness and the monitor show it:
 * - `disabled`: no TELEGRAM_BOT_TOKEN, the bot does not run;
 * - `starting`: launching (getMe, then deleteWebhook or setWebhook);
 * - `standby`: polling mode, another replica holds the poller lock;
 * - `polling` / `webhook`: receiving updates;
 * - `failing`: the last launch or poll failed (bad token, network); retried with backoff.
 */
export type TelegramBotState = 'disabled' | 'starting' | 'standby' | 'polling' | 'webhook' | 'failing';

export const TELEGRAM_BOT_STATES: readonly TelegramBotState[] = [
  'disabled',
  'starting',
  'standby',
  'polling',
  'webhook',
  'failing',
];
