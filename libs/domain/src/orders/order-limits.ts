/** Bounds that keep one order's total far inside Number.MAX_SAFE_INTEGER for any sane price. */
export const ORDER_LIMITS = Object.freeze({
  maxItems: 100,
  maxQty: 10_000,
});
