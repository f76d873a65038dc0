/** A page size inside [min, max]; the gateway validates limits, this keeps a bad caller from asking for a million rows. */
export function clampLimit(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.min(max, Math.max(min, n));
}
