import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisService } from '@karmabot/common';
import { BotKeys } from '../context/bot-keys';

/** Extends the expiry only while the lock is still ours (it may have expired and been taken). */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * The lock that elects the one replica allowed to call getUpdates (Telegram answers 409 to a
 * second poller). SET NX PX takes it, the holder renews it every third of its TTL, and when the
 * holder dies it expires, so a standby takes over within about one TTL.
 */
@Injectable()
export class PollingLock {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly ttlMs: number;
  private readonly key: string;

  constructor(
    private readonly redis: RedisService,
    keys: BotKeys,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.TELEGRAM_POLLING_LOCK_TTL_MS;
    this.key = keys.key('poller');
  }

  async acquire(): Promise<boolean> {
    return (await this.redis.client.set(this.key, this.owner, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  /** False when the lock is no longer ours. */
  async renew(): Promise<boolean> {
    return (await this.redis.client.eval(RENEW, 1, this.key, this.owner, String(this.ttlMs))) === 1;
  }

  async release(): Promise<void> {
    await this.redis.client.eval(RELEASE, 1, this.key, this.owner);
  }

  holder(): Promise<string | null> {
    return this.redis.client.get(this.key);
  }
}
