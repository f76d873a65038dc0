import { InvalidInput } from '../errors/invalid-input';
import { entriesForOrderPlaced } from './entries-for-order-placed';

const orderId = '0b9f4c32-6f0e-4f55-9d8a-3f0f0e4a2c11';

describe('entriesForOrderPlaced', () => {
  it('puts earned points in pending and takes redeemed points from available', () => {
    expect(entriesForOrderPlaced({ orderId, earnPoints: 42, redeemPoints: 100 })).toEqual([
      { kind: 'earn', bucket: 'pending', points: 42, orderId, reason: 'order placed' },
      { kind: 'redeem', bucket: 'available', points: -100, orderId, reason: 'order placed' },
    ]);
  });

  it('writes only the earn entry when nothing is redeemed', () => {
    expect(entriesForOrderPlaced({ orderId, earnPoints: 7 })).toEqual([
      expect.objectContaining({ kind: 'earn', bucket: 'pending', points: 7 }),
    ]);
  });

  it('writes only the redeem entry when nothing is earned', () => {
    expect(entriesForOrderPlaced({ orderId, earnPoints: 0, redeemPoints: 5 })).toEqual([
      expect.objectContaining({ kind: 'redeem', bucket: 'available', points: -5 }),
    ]);
  });

  it('writes nothing when the order neither earns nor redeems', () => {
    expect(entriesForOrderPlaced({ orderId, earnPoints: 0, redeemPoints: 0 })).toEqual([]);
  });

  it('refuses negative or fractional amounts, naming each bad field', () => {
    expect(() => entriesForOrderPlaced({ orderId, earnPoints: -1, redeemPoints: 1.5 })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: [
          expect.objectContaining({ field: 'earn_points' }),
          expect.objectContaining({ field: 'redeem_points' }),
        ],
      }),
    );
    expect(() => entriesForOrderPlaced({ orderId, earnPoints: Number.NaN })).toThrow(InvalidInput);
  });
});
