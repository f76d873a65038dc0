import { PLATFORMS, Platform } from '@karmabot/contracts/platforms';
import { v5 as uuidv5, validate, version } from 'uuid';
import { InvalidInput } from '../errors/invalid-input';
import { customerIdForIdentity } from './customer-id-for-identity';
import { IDENTITY_NAMESPACE } from './identity-namespace';

describe('customerIdForIdentity', () => {
  it('mints the same version-5 UUID for the same identity every time', () => {
    const id = customerIdForIdentity('telegram', '123456789');
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(5);
    expect(customerIdForIdentity('telegram', '123456789')).toBe(id);
  });

  it('derives the id from "platform:external_id" in the identity namespace', () => {
    expect(customerIdForIdentity('partner', 'acme-42')).toBe(uuidv5('partner:acme-42', IDENTITY_NAMESPACE));
  });

  it('keeps minting the ids already stored in both databases', () => {
    // Pinned: if this changes, every existing customer would get a second id on its next replay.
    expect(customerIdForIdentity('telegram', '123456789')).toBe('a48a73c6-25be-5947-9b09-750b9292b590');
    expect(customerIdForIdentity('website', 'ann@example.com')).toBe('a62485d2-018a-5c0d-8a7b-112487eda57f');
  });

  it('normalizes a website email so different spellings are one customer', () => {
    expect(customerIdForIdentity('website', '  Ann@Example.COM ')).toBe(
      customerIdForIdentity('website', 'ann@example.com'),
    );
  });

  it('keeps other platforms external ids exactly as given', () => {
    expect(customerIdForIdentity('partner', 'ABC')).not.toBe(customerIdForIdentity('partner', 'abc'));
  });

  it('mints different ids for the same external id on different platforms', () => {
    const ids = PLATFORMS.map((p) => customerIdForIdentity(p, '42'));
    expect(new Set(ids).size).toBe(PLATFORMS.length);
  });

  it('refuses an unknown platform', () => {
    expect(() => customerIdForIdentity('fax' as Platform, '42')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ field: 'platform' })],
      }),
    );
  });

  it.each(['', '   ', undefined])('refuses the empty external id %p', (externalId) => {
    expect(() => customerIdForIdentity('telegram', externalId as string)).toThrow(InvalidInput);
    expect(() => customerIdForIdentity('telegram', externalId as string)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'external_id' })] }),
    );
  });
});

describe('IDENTITY_NAMESPACE', () => {
  it('is a fixed, valid UUID', () => {
    expect(validate(IDENTITY_NAMESPACE)).toBe(true);
    expect(IDENTITY_NAMESPACE).toBe('2eb3967b-c584-488b-8ac0-10f3e063f749');
  });
});
