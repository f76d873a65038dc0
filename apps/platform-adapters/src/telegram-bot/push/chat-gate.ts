import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisService } from '@karmabot/common';
import { BotKeys } from '../context/bot-keys';

/** Gate keys outlive any wait they describe; after an idle hour a chat starts afresh. */
const GATE_TTL_MS = 3600_000;

/**
 * A push's place in its chat's line. It keeps its slot while no 429 blocked the chat past it;
 * otherwise (or without a slot yet) it takes the next free one, at least the interval after the
 * last and not before the block ends. Returns the slot (ms since epoch).
 */
const ADMIT = `
local now, interval, slot = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blocked = tonumber(redis.call('get', KEYS[2]) or '0')
if slot > 0 and slot >= blocked then return slot end
local free = tonumber(redis.call('get', KEYS[1]) or '0')
local taken = math.max(now, free, blocked)
redis.call('set', KEYS[1], taken + interval, 'PX', ARGV[4])
return taken`;

/** A 429: nothing goes into the chat before `until`; the slot at `until` is kept for the push that was refused. */
const BLOCK = `
local untilMs, interval = tonumber(ARGV[1]), tonumber(ARGV[2])
local blocked = math.max(untilMs, tonumber(redis.call('get', KEYS[2]) or '0'))
redis.call('set', KEYS[2], blocked, 'PX', ARGV[3])
local free = tonumber(redis.call('get', KEYS[1]) or '0')
redis.call('set', KEYS[1], math.max(free, blocked + interval), 'PX', ARGV[3])
return blocked`;

/**
 * Telegram allows about one message a second into one chat, and asks for a pause (429
 * retry_after) when a chat gets more. BullMQ's limiter is global only, so each chat has a line
 * in Redis, shared by every replica: pushes take slots TELEGRAM_PUSH_CHAT_INTERVAL_MS apart, in
 * the order they ask, and a push that was refused keeps its place ahead of those behind it.
 */
@Injectable()
export class ChatGate {
  private readonly intervalMs: number;

  constructor(
    private readonly redis: RedisService,
    private readonly keys: BotKeys,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.TELEGRAM_PUSH_CHAT_INTERVAL_MS;
  }

  /** The time this push may be sent at: its slot (given back when still valid), or a new one. */
  async admit(chatId: string, slotAt = 0): Promise<number> {
    const [free, blocked] = this.gateKeys(chatId);
    const args = [Date.now(), this.intervalMs, slotAt, GATE_TTL_MS].map(String);
    return Number(await this.redis.client.eval(ADMIT, 2, free, blocked, ...args));
  }

  /** After a 429: blocks the chat until `untilMs` and returns the slot the refused push keeps. */
  async block(chatId: string, untilMs: number): Promise<number> {
    const [free, blocked] = this.gateKeys(chatId);
    const args = [untilMs, this.intervalMs, GATE_TTL_MS].map(String);
    return Number(await this.redis.client.eval(BLOCK, 2, free, blocked, ...args));
  }

  private gateKeys(chatId: string): [string, string] {
    return [this.keys.key('chat-gate', chatId, 'free'), this.keys.key('chat-gate', chatId, 'blocked')];
  }
}
