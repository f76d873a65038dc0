import { generateApiKey } from './generate-api-key';
import { hashApiKey } from './hash-api-key';

describe('hashApiKey', () => {
  const { key } = generateApiKey();

  it('is a stable 64-character hex digest that does not contain the secret', () => {
    const hash = hashApiKey(key, 'pepper');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key, 'pepper')).toBe(hash);
    expect(hash).not.toContain(key.slice(16));
  });

  it('depends on the pepper and on every character of the key', () => {
    expect(hashApiKey(key, 'other pepper')).not.toBe(hashApiKey(key, 'pepper'));
    const altered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(hashApiKey(altered, 'pepper')).not.toBe(hashApiKey(key, 'pepper'));
  });
});
