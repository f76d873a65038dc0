import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '@karmabot/common';

export const botState = new Gauge({
  name: 'karmabot_telegram_bot_state',
  help: 'The Telegram bot state: 1 for the current one (disabled, starting, standby, polling, webhook, failing)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});

export const botLaunchFailures = new Counter({
  name: 'karmabot_telegram_launch_failures_total',
  help: 'Failed attempts to launch or keep polling the Telegram bot',
  registers: [metricsRegistry],
});

export const botUpdates = new Counter({
  name: 'karmabot_telegram_updates_total',
  help: 'Telegram updates received, by outcome (handled, duplicate, ignored, failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const botPushes = new Counter({
  name: 'karmabot_telegram_push_total',
  help: 'Push notifications to Telegram chats, by outcome (sent, rate_limited, unreachable, skipped, failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});
