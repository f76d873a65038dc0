/**
 * Every figure of the bench is either measured or says why it is not: the smoke test and the
 * report rely on that, and a number is never invented for a feature that has not landed.
 */
export type FigureResult<T> = ({ available: true } & T) | NotAvailable;

export interface NotAvailable {
  available: false;
  reason: string;
}

export function notAvailable(reason: string): NotAvailable {
  return { available: false, reason };
}
