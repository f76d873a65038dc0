import { createHmac } from 'node:crypto';
import { hashLinkCode } from './hash-link-code';

const pepper = 'test-pepper';

describe('hashLinkCode', () => {
  it('is the hex HMAC-SHA-256 of the upper-cased code keyed by the pepper', () => {
    const expected = createHmac('sha256', pepper).update('ABCD2345').digest('hex');
    expect(hashLinkCode('ABCD2345', pepper)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches a code however the customer cased or padded it', () => {
    expect(hashLinkCode(' abcd2345 ', pepper)).toBe(hashLinkCode('ABCD2345', pepper));
  });

  it('depends on the pepper', () => {
    expect(hashLinkCode('ABCD2345', 'other')).not.toBe(hashLinkCode('ABCD2345', pepper));
  });

  it('tells different codes apart', () => {
    expect(hashLinkCode('ABCD2346', pepper)).not.toBe(hashLinkCode('ABCD2345', pepper));
  });

  it('refuses to hash without a pepper', () => {
    expect(() => hashLinkCode('ABCD2345', '')).toThrow(RangeError);
  });
});
