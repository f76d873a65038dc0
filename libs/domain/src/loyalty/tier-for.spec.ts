import { LOYALTY_TIER_THRESHOLDS } from './loyalty-tier-thresholds';
import { tierFor } from './tier-for';

describe('tierFor', () => {
  it.each([
    [0, 'bronze'],
    [999, 'bronze'],
    [1_000, 'silver'],
    [4_999, 'silver'],
    [5_000, 'gold'],
    [19_999, 'gold'],
    [20_000, 'platinum'],
    [10_000_000, 'platinum'],
  ])('puts %i lifetime points in %s', (points, tier) => {
    expect(tierFor(points)).toBe(tier);
  });

  it('keeps a customer with nothing, or a corrupt figure, at bronze', () => {
    expect(tierFor(-5)).toBe('bronze');
    expect(tierFor(Number.NaN)).toBe('bronze');
  });

  it('publishes the thresholds it uses', () => {
    expect(LOYALTY_TIER_THRESHOLDS).toEqual({ bronze: 0, silver: 1_000, gold: 5_000, platinum: 20_000 });
    expect(Object.isFrozen(LOYALTY_TIER_THRESHOLDS)).toBe(true);
  });
});
