/**
 * The order flow's buttons: `o:<draftId>:<step>[:<arg>]`, within Telegram's 64 bytes.
 * - `i:<sku>` picked an item, `q:<n>` picked a quantity, `b` back to the items,
 * - `c` checkout (show the summary), `ok` confirm, `x` cancel.
 */
export type OrderStep =
  | { kind: 'item'; sku: string }
  | { kind: 'quantity'; qty: number }
  | { kind: 'back' }
  | { kind: 'checkout' }
  | { kind: 'confirm' }
  | { kind: 'cancel' };

export const ORDER_ACTION = /^o:/;

export function orderData(draftId: string, step: OrderStep): string {
  switch (step.kind) {
    case 'item':
      return `o:${draftId}:i:${step.sku}`;
    case 'quantity':
      return `o:${draftId}:q:${step.qty}`;
    case 'back':
      return `o:${draftId}:b`;
    case 'checkout':
      return `o:${draftId}:c`;
    case 'confirm':
      return `o:${draftId}:ok`;
    case 'cancel':
      return `o:${draftId}:x`;
  }
}

/** Null for anything that is not a well-formed order button (old formats, forged data). */
export function parseOrderData(data: string): { draftId: string; step: OrderStep } | null {
  const match = /^o:([A-Za-z0-9_-]{1,16}):(i|q|b|c|ok|x)(?::([A-Za-z0-9_-]{1,32}))?$/.exec(data);
  if (!match) return null;
  const [, draftId, code, arg] = match;
  switch (code) {
    case 'i':
      return arg ? { draftId, step: { kind: 'item', sku: arg } } : null;
    case 'q': {
      const qty = Number(arg);
      return Number.isInteger(qty) && qty >= 1 ? { draftId, step: { kind: 'quantity', qty } } : null;
    }
    case 'b':
      return { draftId, step: { kind: 'back' } };
    case 'c':
      return { draftId, step: { kind: 'checkout' } };
    case 'ok':
      return { draftId, step: { kind: 'confirm' } };
    default:
      return { draftId, step: { kind: 'cancel' } };
  }
}
