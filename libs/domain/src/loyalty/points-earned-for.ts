import { currencyExponent } from '../money/currency-exponent';

/**
 * Points for paying `payableMinor`: floor(major units × pointsPerUnit). Computed in exact
 * decimal arithmetic (BigInt), because in floating point 2.9 × 10 is 28.999…, and a customer
 * shown 29 expected points would be credited 28.
 */
export function pointsEarnedFor(payableMinor: number, currency: string, pointsPerUnit = 1): number {
  const exponent = currencyExponent(currency);
  if (!Number.isSafeInteger(payableMinor)) {
    throw new RangeError(`payableMinor must be a safe integer, got ${payableMinor}`);
  }
  if (!Number.isFinite(pointsPerUnit) || pointsPerUnit < 0) {
    throw new RangeError(`pointsPerUnit must be a finite non-negative number, got ${pointsPerUnit}`);
  }
  // A redemption larger than the price leaves nothing payable, and nothing to earn on.
  if (payableMinor <= 0) return 0;

  const rate = asDecimal(pointsPerUnit);
  const points = (BigInt(payableMinor) * rate.digits) / 10n ** BigInt(exponent + rate.scale);
  if (points > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`points for ${payableMinor} ${currency} exceed the largest safe integer`);
  }
  return Number(points);
}

/** The shortest decimal that prints as `value`, as digits × 10^-scale (scale ≥ 0). */
function asDecimal(value: number): { digits: bigint; scale: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, whole, fraction = '', exp = '0'] = match;
  const scale = fraction.length - Number(exp);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}
