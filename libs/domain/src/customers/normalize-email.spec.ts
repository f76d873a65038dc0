import { normalizeEmail } from './normalize-email';

describe('normalizeEmail', () => {
  it('trims surrounding whitespace and lower-cases the address', () => {
    expect(normalizeEmail('  Ann.Lee@Example.COM\n')).toBe('ann.lee@example.com');
  });

  it('leaves an already normal address unchanged', () => {
    expect(normalizeEmail('ann@example.com')).toBe('ann@example.com');
  });

  it('gives the same result when applied twice', () => {
    const once = normalizeEmail(' X@Y.Z ');
    expect(normalizeEmail(once)).toBe(once);
  });
});
