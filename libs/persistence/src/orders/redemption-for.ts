import { currencyExponent } from '@karmabot/domain';

export interface Redemption {
  /** Points actually spent: never more than the subtotal needs. */
  points: number;
  discountMinor: number;
}

/**
 * What redeeming `requested` points takes off `subtotalMinor`: 1 point = 1 whole currency
 * unit (10^exponent minor units), the discount capped at the subtotal. Only the points the
 * capped discount needs are spent (rounded up to whole points), so asking to redeem more than
 * the order costs does not burn the rest.
 */
export function redemptionFor(requested: number, subtotalMinor: number, currency: string): Redemption {
  const unitMinor = 10 ** currencyExponent(currency);
  const points = Math.min(requested, Math.ceil(subtotalMinor / unitMinor));
  return { points, discountMinor: Math.min(points * unitMinor, subtotalMinor) };
}
