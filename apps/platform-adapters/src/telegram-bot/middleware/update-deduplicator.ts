import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '@karmabot/common';
import { BotKeys } from '../context/bot-keys';

/** A claimed update that never finished (the process died) may be handled again after this. */
const PROCESSING_TTL_MS = 120_000;
/** Telegram redelivers within hours at most; a day of memory covers it. */
const DONE_TTL_MS = 24 * 3600 * 1000;

/**
 * Remembers update ids in Redis so an update is handled once, however it arrives again: a
 * webhook retry, two pollers overlapping during a lock handover, or a new poller re-reading
 * updates whose offset the old one never confirmed. Writes are idempotent anyway (their op ids
 * derive from the update), this also spares the user a second reply.
 */
@Injectable()
export class UpdateDeduplicator {
  private readonly logger = new Logger(UpdateDeduplicator.name);

  constructor(
    private readonly redis: RedisService,
    private readonly keys: BotKeys,
  ) {}

  /** True when this replica should handle the update; false for one already handled or in hand. */
  async claim(updateId: number): Promise<boolean> {
    try {
      const result = await this.redis.client.set(
        this.key(updateId),
        'processing',
        'PX',
        PROCESSING_TTL_MS,
        'NX',
      );
      return result === 'OK';
    } catch (error) {
      // Without Redis the update is handled rather than dropped; its writes are still idempotent.
      this.logger.warn({
        msg: 'telegram.dedup.unavailable',
        update_id: updateId,
        error: (error as Error).message,
      });
      return true;
    }
  }

  async finish(updateId: number): Promise<void> {
    await this.redis.client.set(this.key(updateId), 'done', 'PX', DONE_TTL_MS).catch(() => undefined);
  }

  private key(updateId: number): string {
    return this.keys.key('update', updateId);
  }
}
