import { OrderItem } from '@karmabot/contracts/orders';
import { InvalidOrder } from '../errors/invalid-order';
import { computeOrderTotal } from './compute-order-total';

const item = (overrides: Partial<OrderItem> = {}): OrderItem => ({
  sku: 'SKU-1',
  name: 'Coffee',
  qty: 1,
  unitPriceMinor: 250,
  ...overrides,
});

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOrder);
    return (error as InvalidOrder).errors.map((e) => e.field);
  }
  throw new Error('expected computeOrderTotal to throw');
};

describe('computeOrderTotal', () => {
  it('sums quantity times unit price over every item', () => {
    expect(
      computeOrderTotal([item({ qty: 2, unitPriceMinor: 250 }), item({ sku: 'B', unitPriceMinor: 199 })]),
    ).toBe(699);
  });

  it('accepts free items', () => {
    expect(computeOrderTotal([item({ unitPriceMinor: 0 })])).toBe(0);
  });

  it('accepts the largest allowed order: 100 items of 10000 each', () => {
    const items = Array.from({ length: 100 }, (_, i) =>
      item({ sku: `S${i}`, qty: 10_000, unitPriceMinor: 1 }),
    );
    expect(computeOrderTotal(items)).toBe(1_000_000);
  });

  it('refuses an empty order', () => {
    expect(fieldsOf(() => computeOrderTotal([]))).toEqual(['items']);
  });

  it('refuses more than 100 items', () => {
    expect(fieldsOf(() => computeOrderTotal(Array.from({ length: 101 }, () => item())))).toEqual(['items']);
  });

  it('refuses items that are not a list', () => {
    expect(fieldsOf(() => computeOrderTotal({} as unknown as OrderItem[]))).toEqual(['items']);
  });

  it.each([0, -1, 10_001, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2'])(
    'refuses the quantity %p',
    (qty) => {
      expect(fieldsOf(() => computeOrderTotal([item({ qty: qty as number })]))).toEqual(['items[0].qty']);
    },
  );

  it.each([-1, 0.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2, '100', null])(
    'refuses the unit price %p',
    (price) => {
      expect(fieldsOf(() => computeOrderTotal([item({ unitPriceMinor: price as number })]))).toEqual([
        'items[0].unit_price_minor',
      ]);
    },
  );

  it.each(['', '   ', undefined, 42])('refuses the sku %p', (sku) => {
    expect(fieldsOf(() => computeOrderTotal([item({ sku: sku as string })]))).toEqual(['items[0].sku']);
  });

  it.each(['', '\t', undefined])('refuses the name %p', (name) => {
    expect(fieldsOf(() => computeOrderTotal([item({ name: name as string })]))).toEqual(['items[0].name']);
  });

  it('reports every bad field at once, each under its item index and snake_case name', () => {
    const items = [
      item(),
      item({ sku: '', qty: 0 }),
      { name: 'x' } as OrderItem,
      null as unknown as OrderItem,
    ];
    expect(fieldsOf(() => computeOrderTotal(items))).toEqual([
      'items[1].sku',
      'items[1].qty',
      'items[2].sku',
      'items[2].qty',
      'items[2].unit_price_minor',
      'items[3]',
    ]);
  });

  it('refuses a total beyond the largest safe integer instead of rounding it', () => {
    const huge = item({ qty: 10_000, unitPriceMinor: Math.floor(Number.MAX_SAFE_INTEGER / 5_000) });
    expect(fieldsOf(() => computeOrderTotal([huge]))).toEqual(['items']);
    const half = item({ unitPriceMinor: Math.ceil(Number.MAX_SAFE_INTEGER / 2) + 1 });
    expect(fieldsOf(() => computeOrderTotal([half, half]))).toEqual(['items']);
  });

  it('reports a bad order as a 400 validation failure', () => {
    expect(() => computeOrderTotal([item({ qty: 0 })])).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        status: 400,
        name: 'InvalidOrder',
        message: expect.stringContaining('items[0].qty'),
      }),
    );
  });
});
