import { EN } from '../i18n/en';
import { RU } from '../i18n/ru';
import { PushedOrder } from './push-job';
import { pushText } from './push-text';

const order: PushedOrder = {
  id: '01900000-0000-7000-8000-0000abcdef12',
  status: 'paid',
  platform: 'website',
  totalMinor: 1250,
  currency: 'USD',
  pointsEarned: 12,
  pointsRedeemed: 0,
};

describe('push texts', () => {
  it('tells a payment with the points it makes available and the balance', () => {
    const text = pushText({ kind: 'order_changed', change: 'status', customerId: 'c', order }, EN, {
      balance: 12,
      pending: 0,
    });
    expect(text).toBe(
      '📦 Order #abcdef12 ($12.50) is now paid.\n⭐ 12 points are now available.\nBalance: 12 points, pending: 0 points.',
    );
  });

  it('tells a refund with both the reversed and the restored points, without a balance it could not read', () => {
    const refunded = { ...order, status: 'refunded' as const, pointsRedeemed: 1 };
    expect(
      pushText({ kind: 'order_changed', change: 'status', customerId: 'c', order: refunded }, EN, null),
    ).toBe(
      '📦 Order #abcdef12 ($12.50) is now refunded.\n⭐ 12 points from this order were reversed.\n' +
        '⭐ 1 point you spent on this order is back.',
    );
  });

  it('tells an order placed on another platform', () => {
    expect(pushText({ kind: 'order_changed', change: 'placed', customerId: 'c', order }, EN, null)).toBe(
      '📦 New order #abcdef12 ($12.50) via Website. Points to earn: 12.',
    );
  });

  it('confirms a queued order once it is applied, or says why it was not', () => {
    expect(pushText({ kind: 'queued_order_applied', chatId: '1', order }, EN, null)).toBe(
      `✅ Your queued order is now placed.\nOrder: ${order.id}\nTotal: $12.50\nPoints to earn: 12`,
    );
    expect(
      pushText({ kind: 'queued_order_rejected', chatId: '1', reason: 'Customer not found' }, EN, null),
    ).toBe('❌ The order could not be placed: Customer not found');
  });

  it('speaks Russian with the right plural of «балл»', () => {
    const text = pushText({ kind: 'order_changed', change: 'status', customerId: 'c', order }, RU, {
      balance: 21,
      pending: 3,
    });
    expect(text).toBe(
      '📦 Заказ #abcdef12 (12,50\u00a0$): оплачен.\n⭐ Доступно: 12 баллов.\nБаланс: 21 балл, ожидают: 3 балла.',
    );
  });
});
