import { API_KEY_PATTERN } from './api-key-pattern';
import { generateApiKey } from './generate-api-key';
import { parseApiKeyPrefix } from './parse-api-key-prefix';

describe('generateApiKey', () => {
  it('makes kb_<12 base62>_<256-bit base64url> keys whose prefix parses back', () => {
    for (let i = 0; i < 200; i++) {
      const { prefix, key } = generateApiKey();
      expect(prefix).toMatch(/^[0-9A-Za-z]{12}$/);
      expect(key).toMatch(API_KEY_PATTERN);
      expect(key.startsWith(`kb_${prefix}_`)).toBe(true);
      expect(Buffer.from(key.slice(16), 'base64url')).toHaveLength(32);
      expect(parseApiKeyPrefix(key)).toBe(prefix);
    }
  });

  it('never repeats a prefix or a key', () => {
    const keys = Array.from({ length: 1000 }, generateApiKey);
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(1000);
    expect(new Set(keys.map((k) => k.key)).size).toBe(1000);
  });
});
