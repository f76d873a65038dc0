import { CurrencyUnsupported } from '../errors/currency-unsupported';
import { pointsEarnedFor } from './points-earned-for';

describe('pointsEarnedFor', () => {
  it('earns one point per whole major unit by default, rounding down', () => {
    expect(pointsEarnedFor(1999, 'USD')).toBe(19);
    expect(pointsEarnedFor(99, 'EUR')).toBe(0);
  });

  it('reads the minor-unit exponent of the currency', () => {
    expect(pointsEarnedFor(1999, 'JPY')).toBe(1999);
    expect(pointsEarnedFor(12_345, 'KWD')).toBe(12);
  });

  it('applies the earn rate', () => {
    expect(pointsEarnedFor(1999, 'USD', 2)).toBe(39);
    expect(pointsEarnedFor(1999, 'USD', 0.5)).toBe(9);
    expect(pointsEarnedFor(1000, 'USD', 0)).toBe(0);
  });

  it('computes in exact decimals where floating point would lose a point', () => {
    // 9000 / 100 * 0.7 is 62.99999999999999 in floating point.
    expect(pointsEarnedFor(9000, 'USD', 0.7)).toBe(63);
    expect(pointsEarnedFor(17_000, 'USD', 0.7)).toBe(119);
  });

  it('handles rates written in exponent notation', () => {
    expect(pointsEarnedFor(1e15, 'USD', 1e-7)).toBe(1_000_000);
    expect(pointsEarnedFor(100, 'USD', 1e-7)).toBe(0);
    expect(pointsEarnedFor(1, 'JPY', 1e15)).toBe(1e15);
  });

  it('never earns on a payable of zero or less', () => {
    expect(pointsEarnedFor(0, 'USD')).toBe(0);
    expect(pointsEarnedFor(-500, 'USD')).toBe(0);
  });

  it('always returns a non-negative integer', () => {
    for (const payable of [1, 7, 99, 101, 12_345, 999_999]) {
      for (const rate of [0.01, 0.25, 1, 1.3, 3]) {
        const points = pointsEarnedFor(payable, 'USD', rate);
        expect(Number.isSafeInteger(points)).toBe(true);
        expect(points).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('refuses an unsupported currency', () => {
    expect(() => pointsEarnedFor(1000, 'XXX')).toThrow(CurrencyUnsupported);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2])(
    'refuses the payable amount %p',
    (payable) => {
      expect(() => pointsEarnedFor(payable, 'USD')).toThrow(RangeError);
    },
  );

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the earn rate %p', (rate) => {
    expect(() => pointsEarnedFor(1000, 'USD', rate)).toThrow(RangeError);
  });

  it('refuses a result beyond the largest safe integer', () => {
    expect(() => pointsEarnedFor(Number.MAX_SAFE_INTEGER, 'JPY', 2)).toThrow(RangeError);
    expect(() => pointsEarnedFor(100, 'USD', 1e21)).toThrow(RangeError);
  });
});
