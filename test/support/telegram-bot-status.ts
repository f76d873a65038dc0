import { waitUntil } from './wait-until';

/** The bot's part of platform-adapters' /readyz (`info.telegram_bot`), with the HTTP status of /readyz. */
export interface BotReadiness {
  httpStatus: number;
  state: string;
  mode: string | null;
  bot: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
}

export async function botReadiness(adaptersUrl: string): Promise<BotReadiness> {
  const response = await fetch(`${adaptersUrl}/readyz`, { signal: AbortSignal.timeout(3000) });
  const body = (await response.json()) as { info?: { telegram_bot?: Omit<BotReadiness, 'httpStatus'> } };
  const bot = body.info?.telegram_bot;
  if (!bot) throw new Error(`/readyz of ${adaptersUrl} has no telegram_bot: ${JSON.stringify(body)}`);
  return { ...bot, httpStatus: response.status };
}

/** The bot's state as platform-adapters' /metrics has it (`karmabot_telegram_bot_state{state} 1`). */
export async function botState(adaptersUrl: string): Promise<string | null> {
  const response = await fetch(`${adaptersUrl}/metrics`, { signal: AbortSignal.timeout(3000) });
  const match = /^karmabot_telegram_bot_state\{state="(\w+)"\} 1$/m.exec(await response.text());
  return match?.[1] ?? null;
}

/** Launch failures counted so far (`karmabot_telegram_launch_failures_total`). */
export async function botLaunchFailures(adaptersUrl: string): Promise<number> {
  const response = await fetch(`${adaptersUrl}/metrics`, { signal: AbortSignal.timeout(3000) });
  const match = /^karmabot_telegram_launch_failures_total (\d+)$/m.exec(await response.text());
  return Number(match?.[1] ?? 0);
}

/** Waits until the bot of the platform-adapters at `adaptersUrl` is in `state` (e.g. `polling`). */
export function waitForBotState(adaptersUrl: string, state: string, timeoutMs = 20_000): Promise<string> {
  let last: string | null = null;
  return waitUntil(
    async () => {
      last = await botState(adaptersUrl);
      return last === state ? last : undefined;
    },
    {
      timeoutMs,
      intervalMs: 100,
      describe: () => `the bot at ${adaptersUrl} to be ${state} (it is ${last})`,
    },
  );
}
