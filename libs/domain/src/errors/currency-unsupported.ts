import { DomainError } from './domain-error';

export class CurrencyUnsupported extends DomainError {
  constructor(readonly currency: unknown) {
    // Clipped so a hostile multi-kilobyte "currency" does not end up in every log line.
    const shown = JSON.stringify(String(currency).slice(0, 16));
    super('CURRENCY_UNSUPPORTED', `Currency ${shown} is not supported`, [
      { field: 'currency', message: 'must be a supported ISO 4217 code in upper case' },
    ]);
  }
}
