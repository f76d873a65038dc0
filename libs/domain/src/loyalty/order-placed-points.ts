export interface OrderPlacedPoints {
  orderId: string;
  earnPoints: number;
  /** Points spent on this order; 0 or absent when none. */
  redeemPoints?: number;
}
