import { OrderStatus } from '@karmabot/contracts/orders';
import { OrderTransitionInvalid } from '../errors/order-transition-invalid';
import { entriesForOrderPlaced } from './entries-for-order-placed';
import { entriesForOrderTransition } from './entries-for-order-transition';
import { LedgerEntryDraft } from './ledger-entry-draft';
import { summarizeLedger } from './summarize-ledger';

const orderId = '5d3c1a7e-8a44-4f3e-a8a1-2b0c9f6de001';
const otherOrderId = '5d3c1a7e-8a44-4f3e-a8a1-2b0c9f6de002';

/** One customer's ledger, driven the way persistence drives it: compute entries, then append them. */
class Ledger {
  readonly entries: LedgerEntryDraft[] = [];

  constructor(startingBalance = 0) {
    if (startingBalance > 0) this.grant(startingBalance);
  }

  place(id: string, earnPoints: number, redeemPoints = 0): this {
    return this.append(entriesForOrderPlaced({ orderId: id, earnPoints, redeemPoints }));
  }

  transition(id: string, from: OrderStatus, to: OrderStatus): LedgerEntryDraft[] {
    const drafts = entriesForOrderTransition({
      orderId: id,
      from,
      to,
      orderEntries: this.entries.filter((e) => e.orderId === id),
      availableBalance: this.summary.balance,
    });
    this.append(drafts);
    return drafts;
  }

  grant(points: number): this {
    return this.append([{ kind: 'adjust', bucket: 'available', points }]);
  }

  spend(points: number): this {
    return this.append([{ kind: 'redeem', bucket: 'available', points: -points, orderId: otherOrderId }]);
  }

  get summary() {
    return summarizeLedger(this.entries);
  }

  /** The available balance after each entry, in the order entries were appended. */
  get runningBalances(): number[] {
    let balance = 0;
    return this.entries.filter((e) => e.bucket === 'available').map((e) => (balance += e.points));
  }

  private append(drafts: LedgerEntryDraft[]): this {
    this.entries.push(...drafts);
    return this;
  }
}

describe('entriesForOrderTransition', () => {
  describe('when an order is paid', () => {
    it('moves the pending earn to available with two new entries', () => {
      const ledger = new Ledger().place(orderId, 40);
      expect(ledger.transition(orderId, 'pending', 'paid')).toEqual([
        { kind: 'earn', bucket: 'pending', points: -40, orderId, reason: 'order paid' },
        { kind: 'earn', bucket: 'available', points: 40, orderId, reason: 'order paid' },
      ]);
      expect(ledger.summary).toMatchObject({ balance: 40, pending: 0, lifetimeEarned: 40 });
    });

    it('writes nothing more when run again for the same order', () => {
      const ledger = new Ledger().place(orderId, 40);
      ledger.transition(orderId, 'pending', 'paid');
      expect(ledger.transition(orderId, 'pending', 'paid')).toEqual([]);
      expect(ledger.summary).toMatchObject({ balance: 40, lifetimeEarned: 40 });
    });

    it('writes nothing for an order that earned no points', () => {
      const ledger = new Ledger(100).place(orderId, 0, 30);
      expect(ledger.transition(orderId, 'pending', 'paid')).toEqual([]);
    });
  });

  describe('when an order is fulfilled', () => {
    it('writes nothing', () => {
      const ledger = new Ledger().place(orderId, 40);
      ledger.transition(orderId, 'pending', 'paid');
      expect(ledger.transition(orderId, 'paid', 'fulfilled')).toEqual([]);
    });
  });

  describe('when a pending order is cancelled', () => {
    it('reverses the pending earn and gives back the redeemed points', () => {
      const ledger = new Ledger(100).place(orderId, 25, 60);
      expect(ledger.summary).toMatchObject({ balance: 40, pending: 25 });
      expect(ledger.transition(orderId, 'pending', 'cancelled')).toEqual([
        { kind: 'reverse', bucket: 'pending', points: -25, orderId, reason: 'order cancelled' },
        { kind: 'reverse', bucket: 'available', points: 60, orderId, reason: 'order cancelled' },
      ]);
      expect(ledger.summary).toMatchObject({ balance: 100, pending: 0, lifetimeEarned: 0 });
    });

    it('writes nothing more when run again after the reversal', () => {
      const ledger = new Ledger(100).place(orderId, 25, 60);
      ledger.transition(orderId, 'pending', 'cancelled');
      expect(ledger.transition(orderId, 'pending', 'cancelled')).toEqual([]);
      expect(ledger.summary).toMatchObject({ balance: 100, pending: 0 });
    });

    it('writes nothing for an order without points', () => {
      const ledger = new Ledger().place(orderId, 0);
      expect(ledger.transition(orderId, 'pending', 'cancelled')).toEqual([]);
    });
  });

  describe.each([
    ['paid', 'cancelled', ['paid']],
    ['paid', 'refunded', ['paid']],
    ['fulfilled', 'refunded', ['paid', 'fulfilled']],
  ] as const)('when a %s order becomes %s', (from, to, path) => {
    const settle = (ledger: Ledger) => {
      let status: OrderStatus = 'pending';
      for (const next of path) {
        ledger.transition(orderId, status, next);
        status = next;
      }
      return ledger;
    };

    it('gives back redeemed points, then reverses the earned points', () => {
      const ledger = settle(new Ledger(200).place(orderId, 50, 80));
      expect(ledger.summary).toMatchObject({ balance: 170, pending: 0 });
      expect(ledger.transition(orderId, from, to)).toEqual([
        { kind: 'reverse', bucket: 'available', points: 80, orderId, reason: `order ${to}` },
        { kind: 'reverse', bucket: 'available', points: -50, orderId, reason: `order ${to}` },
      ]);
      expect(ledger.summary).toMatchObject({ balance: 200, pending: 0 });
    });

    it('clamps the reversal at a zero balance when earned points were already spent, recording how many', () => {
      const ledger = settle(new Ledger().place(orderId, 50, 0)).spend(30);
      expect(ledger.summary.balance).toBe(20);
      const drafts = ledger.transition(orderId, from, to);
      expect(drafts).toEqual([
        {
          kind: 'adjust',
          bucket: 'available',
          points: 30,
          orderId,
          reason: expect.stringContaining('30 of 50'),
        },
        {
          kind: 'reverse',
          bucket: 'available',
          points: -50,
          orderId,
          reason: expect.stringContaining('30 of 50'),
        },
      ]);
      expect(ledger.summary.balance).toBe(0);
      expect(Math.min(...ledger.runningBalances)).toBeGreaterThanOrEqual(0);
    });

    it('counts restored redemptions before clamping', () => {
      const ledger = settle(new Ledger(10).place(orderId, 50, 10)).spend(45);
      expect(ledger.summary.balance).toBe(5);
      const drafts = ledger.transition(orderId, from, to);
      // 5 available + 10 restored covers 15 of the 50 earned; 35 are written off.
      expect(drafts.map((d) => [d.kind, d.points])).toEqual([
        ['reverse', 10],
        ['adjust', 35],
        ['reverse', -50],
      ]);
      expect(ledger.summary.balance).toBe(0);
    });

    it('writes nothing more when run again, even after the customer earned more elsewhere', () => {
      const ledger = settle(new Ledger().place(orderId, 50, 0)).spend(50);
      ledger.transition(orderId, from, to);
      expect(ledger.summary.balance).toBe(0);
      ledger.grant(500);
      expect(ledger.transition(orderId, from, to)).toEqual([]);
      expect(ledger.summary.balance).toBe(500);
    });

    it('writes nothing more when run again after an unclamped reversal', () => {
      const ledger = settle(new Ledger(100).place(orderId, 50, 30));
      ledger.transition(orderId, from, to);
      expect(ledger.transition(orderId, from, to)).toEqual([]);
      expect(ledger.summary).toMatchObject({ balance: 100, pending: 0 });
    });

    it('keeps lifetime earned: the reversal is a reverse entry, not a negative earn', () => {
      const ledger = settle(new Ledger().place(orderId, 1_500));
      ledger.transition(orderId, from, to);
      expect(ledger.summary).toMatchObject({ balance: 0, lifetimeEarned: 1_500, tier: 'silver' });
    });
  });

  it('reverses a pending earn left behind when a paid order is refunded', () => {
    // A ledger written before the paid entries existed: the earn is still pending.
    const ledger = new Ledger().place(orderId, 30);
    expect(ledger.transition(orderId, 'paid', 'refunded')).toEqual([
      { kind: 'reverse', bucket: 'pending', points: -30, orderId, reason: 'order refunded' },
    ]);
    expect(ledger.summary).toMatchObject({ balance: 0, pending: 0 });
  });

  it('never takes the balance below zero, at any entry, whatever was spent', () => {
    for (const start of [0, 7, 100]) {
      for (const earn of [0, 1, 60]) {
        for (const redeem of [0, Math.min(start, 5)]) {
          for (const spent of [0, 3, 40]) {
            const ledger = new Ledger(start).place(orderId, earn, redeem);
            ledger.transition(orderId, 'pending', 'paid');
            ledger.spend(Math.min(spent, ledger.summary.balance));
            ledger.transition(orderId, 'paid', 'refunded');
            expect(ledger.summary.balance).toBeGreaterThanOrEqual(0);
            expect(Math.min(0, ...ledger.runningBalances)).toBe(0);
            expect(ledger.transition(orderId, 'paid', 'refunded')).toEqual([]);
          }
        }
      }
    }
  });

  it('refuses a transition the order machine does not allow, writing nothing', () => {
    const ledger = new Ledger().place(orderId, 10);
    expect(() => ledger.transition(orderId, 'pending', 'refunded')).toThrow(OrderTransitionInvalid);
    expect(() => ledger.transition(orderId, 'cancelled', 'paid')).toThrow(OrderTransitionInvalid);
    expect(() => ledger.transition(orderId, 'paid', 'paid')).toThrow(OrderTransitionInvalid);
    expect(ledger.entries).toHaveLength(1);
  });

  it('ignores entries of other kinds that carry no order points, such as an admin adjustment', () => {
    const drafts = entriesForOrderTransition({
      orderId,
      from: 'paid',
      to: 'refunded',
      orderEntries: [
        { kind: 'adjust', bucket: 'available', points: 999 },
        { kind: 'earn', bucket: 'available', points: 20 },
      ],
      availableBalance: 1_000,
    });
    expect(drafts).toEqual([expect.objectContaining({ kind: 'reverse', bucket: 'available', points: -20 })]);
  });

  it.each([Number.NaN, 1.5, Number.POSITIVE_INFINITY])('refuses the available balance %p', (balance) => {
    expect(() =>
      entriesForOrderTransition({
        orderId,
        from: 'pending',
        to: 'paid',
        orderEntries: [],
        availableBalance: balance,
      }),
    ).toThrow(RangeError);
  });
});
