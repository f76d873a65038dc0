import * as domain from '@karmabot/domain';

describe('@karmabot/domain barrel', () => {
  it.each([
    'DomainError',
    'InvalidInput',
    'InvalidOrder',
    'OrderTransitionInvalid',
    'InsufficientPoints',
    'CurrencyUnsupported',
    'CURRENCY_EXPONENTS',
    'currencyExponent',
    'isSupportedCurrency',
    'ORDER_TRANSITIONS',
    'ORDER_LIMITS',
    'canTransitionOrder',
    'assertOrderTransition',
    'computeOrderTotal',
    'LOYALTY_TIER_THRESHOLDS',
    'tierFor',
    'summarizeLedger',
    'pointsEarnedFor',
    'assertCanRedeem',
    'entriesForOrderPlaced',
    'entriesForOrderTransition',
    'IDENTITY_NAMESPACE',
    'normalizeEmail',
    'customerIdForIdentity',
    'deriveId',
    'LINK_CODE_ALPHABET',
    'LINK_CODE_LENGTH',
    'LINK_CODE_TTL_SECONDS',
    'generateLinkCode',
    'hashLinkCode',
    'verifyTelegramLogin',
  ])('exports %s', (name) => {
    expect(domain).toHaveProperty(name);
  });
});
