import { Injectable } from '@nestjs/common';
import { TELEGRAM_BOT_STATES, TelegramBotState } from './telegram-bot-state';
import { botState } from './telegram-bot-metrics';

export interface TelegramBotStatusView {
  state: TelegramBotState;
  mode: 'polling' | 'webhook' | null;
  bot: string | null;
  since: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
}

/**
 * The bot's state in this process, written by the launcher and read by readiness and
 * /metrics. Starts `disabled`; the launcher moves it on when the bot is configured.
 */
@Injectable()
export class TelegramBotStatus {
  private view: TelegramBotStatusView = {
    state: 'disabled',
    mode: null,
    bot: null,
    since: new Date().toISOString(),
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
  };

  constructor() {
    this.publish();
  }

  get current(): Readonly<TelegramBotStatusView> {
    return this.view;
  }

  set(state: TelegramBotState, changes: Partial<Omit<TelegramBotStatusView, 'state' | 'since'>> = {}): void {
    const since = state === this.view.state ? this.view.since : new Date().toISOString();
    this.view = { ...this.view, ...changes, state, since };
    this.publish();
  }

  private publish() {
    for (const state of TELEGRAM_BOT_STATES) botState.set({ state }, state === this.view.state ? 1 : 0);
  }
}
