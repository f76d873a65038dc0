import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RedisService } from '@karmabot/common';
import { BotKeys } from '../context/bot-keys';
import { OrderDraft } from './order-draft';

/** A draft left alone this long is dropped; its buttons then answer that they expired. */
const DRAFT_TTL_SECONDS = 30 * 60;

@Injectable()
export class OrderDraftStore {
  constructor(
    private readonly redis: RedisService,
    private readonly keys: BotKeys,
  ) {}

  async start(chatId: number): Promise<OrderDraft> {
    const draft: OrderDraft = { id: randomBytes(6).toString('base64url'), lines: [], pendingSku: null };
    await this.save(chatId, draft);
    return draft;
  }

  async find(chatId: number): Promise<OrderDraft | null> {
    const raw = await this.redis.client.get(this.key(chatId));
    return raw ? (JSON.parse(raw) as OrderDraft) : null;
  }

  async save(chatId: number, draft: OrderDraft): Promise<void> {
    await this.redis.client.set(this.key(chatId), JSON.stringify(draft), 'EX', DRAFT_TTL_SECONDS);
  }

  /** Drops the draft only if it is still this one, so a newer /order is never cleared by an old tap. */
  async finish(chatId: number, draftId: string): Promise<void> {
    const current = await this.find(chatId);
    if (current?.id === draftId) await this.redis.client.del(this.key(chatId));
  }

  private key(chatId: number): string {
    return this.keys.key('draft', chatId);
  }
}
