import { randomInt, randomUUID } from 'node:crypto';
import { Op, OpPayloads, OrderStatus } from '@karmabot/contracts';
import { makeOp } from './make-op';

/**
 * Test fixture: ops with unique, valid defaults (telegram ids, emails), so tests share one
 * database without seeing each other's rows.
 */
export const sampleOps = {
  telegramId(): string {
    return String(randomInt(1, 2 ** 47));
  },

  email(): string {
    return `ann.${randomUUID().slice(0, 8)}@Example.com`;
  },

  registerTelegram(
    payload: Partial<OpPayloads['customer.register_telegram']> = {},
  ): Op<'customer.register_telegram'> {
    return makeOp('customer.register_telegram', {
      telegramId: sampleOps.telegramId(),
      username: 'ann_tg',
      firstName: 'Ann',
      languageCode: 'en',
      ...payload,
    });
  },

  registerWebsite(
    payload: Partial<OpPayloads['customer.register_website']> = {},
  ): Op<'customer.register_website'> {
    return makeOp('customer.register_website', {
      email: sampleOps.email(),
      passwordHash: '$2a$10$abcdefghijklmnopqrstuv',
      displayName: 'Ann Web',
      ...payload,
    });
  },

  placeOrder(customerId: string, payload: Partial<OpPayloads['order.place']> = {}): Op<'order.place'> {
    return makeOp('order.place', {
      customerId,
      platform: 'website',
      items: [
        { sku: 'tea', name: 'Green tea', qty: 2, unitPriceMinor: 1250 },
        { sku: 'cup', name: 'Cup', qty: 1, unitPriceMinor: 999 },
      ],
      currency: 'EUR',
      pointsPerUnit: 1,
      ...payload,
    });
  },

  changeStatus(orderId: string, status: OrderStatus, reason?: string): Op<'order.status_change'> {
    return makeOp('order.status_change', { orderId, status, reason });
  },

  /** A code issued for a Telegram account, for the website to use. */
  issueLinkCode(telegramId: string, codeHash: string, expiresAt: string): Op<'link_code.issue'> {
    return makeOp('link_code.issue', { telegramId, codeHash, expiresAt });
  },

  /** A code issued for a website customer, for the bot to use. */
  issueCustomerLinkCode(customerId: string, codeHash: string, expiresAt: string): Op<'link_code.issue'> {
    return makeOp('link_code.issue', { customerId, codeHash, expiresAt });
  },

  /** The website side links, with a code issued for the Telegram account. */
  linkWithCode(customerId: string, codeHash: string): Op<'customer.link_telegram'> {
    return makeOp('customer.link_telegram', { customerId, proof: { kind: 'code', codeHash } });
  },

  /** The Telegram side links, with a code issued for the website customer. */
  linkFromTelegram(telegramId: string, codeHash: string): Op<'customer.link_telegram'> {
    return makeOp('customer.link_telegram', { telegramId, proof: { kind: 'code', codeHash } });
  },
};
