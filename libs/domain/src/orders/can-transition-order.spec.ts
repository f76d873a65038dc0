import { AppError } from '@karmabot/contracts/errors/app-error';
import { ORDER_STATUSES, OrderStatus } from '@karmabot/contracts/orders';
import { DomainError } from '../errors/domain-error';
import { OrderTransitionInvalid } from '../errors/order-transition-invalid';
import { assertOrderTransition } from './assert-order-transition';
import { canTransitionOrder } from './can-transition-order';

const allowed = new Set([
  'pending>paid',
  'pending>cancelled',
  'paid>fulfilled',
  'paid>cancelled',
  'paid>refunded',
  'fulfilled>refunded',
]);

const everyPair = ORDER_STATUSES.flatMap((from) =>
  ORDER_STATUSES.map((to) => [from, to, allowed.has(`${from}>${to}`)] as const),
);

describe('order status machine', () => {
  it('covers all 25 pairs of statuses', () => {
    expect(everyPair).toHaveLength(25);
  });

  it.each(everyPair)('from %s to %s is allowed: %s', (from, to, isAllowed) => {
    expect(canTransitionOrder(from, to)).toBe(isAllowed);
    if (isAllowed) expect(() => assertOrderTransition(from, to)).not.toThrow();
    else expect(() => assertOrderTransition(from, to)).toThrow(OrderTransitionInvalid);
  });

  it.each(ORDER_STATUSES)('refuses to move an order from %s to the same status', (status) => {
    expect(canTransitionOrder(status, status)).toBe(false);
  });

  it.each(['cancelled', 'refunded'] as const)('lets nothing leave the terminal status %s', (from) => {
    expect(ORDER_STATUSES.filter((to) => canTransitionOrder(from, to))).toEqual([]);
  });

  it('refuses statuses that do not exist, including prototype keys', () => {
    expect(canTransitionOrder('shipped' as OrderStatus, 'paid')).toBe(false);
    expect(canTransitionOrder('constructor' as OrderStatus, 'paid')).toBe(false);
    expect(canTransitionOrder('pending', 'shipped' as OrderStatus)).toBe(false);
  });

  it('reports a refused transition as a 409 naming both statuses', () => {
    expect(() => assertOrderTransition('refunded', 'paid')).toThrow(
      expect.objectContaining({
        code: 'ORDER_TRANSITION_INVALID',
        status: 409,
        from: 'refunded',
        to: 'paid',
        name: 'OrderTransitionInvalid',
        message: 'An order cannot move from refunded to paid',
      }),
    );
    expect(() => assertOrderTransition('paid', 'paid')).toThrow(/from paid to paid/);
  });

  it('throws an error the gateway can render: a DomainError and an AppError', () => {
    expect(() => assertOrderTransition('pending', 'refunded')).toThrow(DomainError);
    expect(() => assertOrderTransition('pending', 'refunded')).toThrow(AppError);
  });
});
