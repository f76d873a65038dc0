import { loadConfig } from '@karmabot/common';

/**
 * Whether the bot runs in this process: only with a TELEGRAM_BOT_TOKEN. Decided when the app's
 * module is assembled, before Nest starts, so without a token nothing of the bot is even built.
 */
export function isTelegramBotEnabled(): boolean {
  try {
    return loadConfig().TELEGRAM_BOT_TOKEN !== '';
  } catch {
    // Invalid settings: startApp reports every bad variable and exits before the module is used.
    return false;
  }
}
