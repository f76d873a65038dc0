export * from './errors/domain-error';
export * from './errors/invalid-input';
export * from './errors/invalid-order';
export * from './errors/order-transition-invalid';
export * from './errors/insufficient-points';
export * from './errors/currency-unsupported';

export * from './money/currency-exponents';
export * from './money/currency-exponent';
export * from './money/is-supported-currency';

export * from './orders/order-transitions';
export * from './orders/can-transition-order';
export * from './orders/assert-order-transition';
export * from './orders/order-limits';
export * from './orders/compute-order-total';

export * from './loyalty/ledger-entry-draft';
export * from './loyalty/ledger-posting';
export * from './loyalty/ledger-summary';
export * from './loyalty/loyalty-tier-thresholds';
export * from './loyalty/tier-for';
export * from './loyalty/summarize-ledger';
export * from './loyalty/points-earned-for';
export * from './loyalty/assert-can-redeem';
export * from './loyalty/order-placed-points';
export * from './loyalty/entries-for-order-placed';
export * from './loyalty/order-transition-points';
export * from './loyalty/entries-for-order-transition';

export * from './customers/identity-namespace';
export * from './customers/normalize-email';
export * from './customers/customer-id-for-identity';

export * from './ids/derive-id';

export * from './linking/link-code-alphabet';
export * from './linking/link-code-length';
export * from './linking/link-code-ttl-seconds';
export * from './linking/generate-link-code';
export * from './linking/hash-link-code';
export * from './linking/telegram-login-result';
export * from './linking/verify-telegram-login';
