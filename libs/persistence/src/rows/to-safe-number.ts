/**
 * A bigint column (pg returns it as a string) as a JS number. Amounts are kept as bigint in
 * the database but must stay exact in JSON, so anything past 2^53 is refused, not rounded.
 */
export function toSafeNumber(value: string | number, column: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${column} = ${value} is not a safe integer`);
  return n;
}
