import { InsufficientPoints } from '../errors/insufficient-points';
import { InvalidInput } from '../errors/invalid-input';
import { assertCanRedeem } from './assert-can-redeem';

describe('assertCanRedeem', () => {
  it('allows redeeming up to the whole available balance', () => {
    expect(() => assertCanRedeem(500, 1)).not.toThrow();
    expect(() => assertCanRedeem(500, 500)).not.toThrow();
  });

  it('refuses more points than are available, as a 422 naming both amounts', () => {
    expect(() => assertCanRedeem(500, 501)).toThrow(
      expect.objectContaining({
        code: 'INSUFFICIENT_POINTS',
        status: 422,
        available: 500,
        requested: 501,
        name: 'InsufficientPoints',
        message: 'Cannot redeem 501 points: only 500 available',
      }),
    );
  });

  it('refuses any redemption from an empty or negative balance', () => {
    expect(() => assertCanRedeem(0, 1)).toThrow(InsufficientPoints);
    expect(() => assertCanRedeem(-10, 1)).toThrow(InsufficientPoints);
  });

  it.each([0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses to redeem %p points', (points) => {
    expect(() => assertCanRedeem(1_000, points)).toThrow(InvalidInput);
    expect(() => assertCanRedeem(1_000, points)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ field: 'points' })],
      }),
    );
  });
});
