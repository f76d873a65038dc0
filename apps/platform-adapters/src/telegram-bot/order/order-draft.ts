/**
 * An order being put together in the chat. Kept in Redis (any replica may serve the next tap)
 * and named by a random id that every button of the flow carries, so a button from an older
 * draft is recognised as stale instead of acting on the current one.
 */
export interface OrderDraft {
  id: string;
  lines: OrderDraftLine[];
  /** The item whose quantity the bot asked for, while it waits for a number. */
  pendingSku: string | null;
}

export interface OrderDraftLine {
  sku: string;
  qty: number;
}

/** Typed quantities above this are refused; the buttons offer 1-5. */
export const MAX_TYPED_QUANTITY = 99;
