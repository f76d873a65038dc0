import { AppProcess } from './support/app-process';
import { api } from './support/http';
import { startSuite, Suite } from './support/suite';
import { botLaunchFailures, botReadiness, botState, waitForBotState } from './support/telegram-bot-status';
import { startAdaptersReplica } from './support/telegram-bot-replica';
import { startTelegramFaultProxy, TelegramFaultProxy } from './support/telegram-fault-proxy';
import { startTelegramServer, TelegramTestServer } from './support/telegram-server';
import { waitUntil } from './support/wait-until';

const LOCK_TTL_MS = 2000;
const FAILED_LAUNCHES = 5;

describe('Telegram bot launch: retries, and one poller among replicas', () => {
  let telegram: TelegramTestServer;
  let proxy: TelegramFaultProxy;
  let suite: Suite;
  let replica: AppProcess | null = null;

  beforeAll(async () => {
    telegram = await startTelegramServer();
    proxy = await startTelegramFaultProxy(telegram.apiRoot);
    // The bot's first launches meet a Bot API that refuses its token.
    proxy.fail({ method: 'getMe', status: 401, description: 'Unauthorized', times: FAILED_LAUNCHES });
    suite = await startSuite({
      env: {
        TELEGRAM_BOT_TOKEN: telegram.botToken,
        TELEGRAM_API_ROOT: proxy.apiRoot,
        TELEGRAM_POLL_TIMEOUT_S: '0',
        TELEGRAM_POLLING_LOCK_TTL_MS: String(LOCK_TTL_MS),
        TELEGRAM_LAUNCH_RETRY_MAX_MS: '1500',
      },
    });
  }, 120_000);

  afterAll(async () => {
    if (replica?.isRunning) await replica.stop();
    await suite?.stop();
    await proxy?.stop();
    await telegram?.stop();
  });

  const adapters = () => suite.urlOf('platform-adapters');

  async function answersHelp(): Promise<void> {
    const user = telegram.user();
    await user.send('/help');
    expect((await user.nextReply()).text).toMatch(/^What I can do:/);
  }

  it('retries a failed launch with backoff, shown in readiness and metrics, while the HTTP API keeps serving', async () => {
    await waitForBotState(adapters(), 'failing');
    const readiness = await botReadiness(adapters());
    expect(readiness).toMatchObject({
      httpStatus: 200,
      state: 'failing',
      mode: 'polling',
      last_error: '401 Unauthorized',
      attempts: expect.any(Number),
      next_attempt_at: expect.any(String),
    });
    expect((await api(suite).get('/v1/admin/health')).status).toBe(200);

    await waitForBotState(adapters(), 'polling', 30_000);

    expect(proxy.callsTo('getMe').filter((call) => call.isInjected)).toHaveLength(FAILED_LAUNCHES);
    expect(await botLaunchFailures(adapters())).toBe(FAILED_LAUNCHES);
    const gaps = proxy
      .callsTo('getMe')
      .slice(0, FAILED_LAUNCHES + 1)
      .map((call, i, calls) => (i ? call.at - calls[i - 1].at : 0))
      .slice(1);
    expect(gaps.every((gap) => gap >= 700)).toBe(true); // backed off: 1 s, then up to the 1.5 s cap (±20 %)
    expect(await botReadiness(adapters())).toMatchObject({
      state: 'polling',
      bot: 'TestNameBot',
      last_error: null,
    });
    await answersHelp();
  });

  it('goes on polling after a network outage', async () => {
    proxy.setNetworkDown(true);
    await waitForBotState(adapters(), 'failing');
    proxy.setNetworkDown(false);
    await waitForBotState(adapters(), 'polling', 15_000);
    await answersHelp();
  });

  it('lets one replica poll, and another take over within seconds when it dies', async () => {
    replica = await startAdaptersReplica(suite);
    await waitUntil(async () => ((await botState(replica!.url)) === 'standby' ? true : undefined), {
      timeoutMs: 10_000,
      describe: () => 'the second replica to stand by',
    });
    expect(await botState(adapters())).toBe('polling');
    await answersHelp();

    await suite.stopApp('platform-adapters', 'SIGKILL');
    const diedAt = Date.now();
    await waitForBotState(replica.url, 'polling', 15_000);

    expect(Date.now() - diedAt).toBeLessThan(LOCK_TTL_MS + 3000);
    await answersHelp();
  });

  it('hands over at once when the poller stops gracefully', async () => {
    await suite.startApp('platform-adapters');
    await waitForBotState(adapters(), 'standby');

    const stoppedAt = Date.now();
    await replica!.stop('SIGTERM');
    await waitForBotState(adapters(), 'polling', 10_000);

    expect(Date.now() - stoppedAt).toBeLessThan(LOCK_TTL_MS);
    await answersHelp();
  });
});
