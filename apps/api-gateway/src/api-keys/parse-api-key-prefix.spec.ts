import { parseApiKeyPrefix } from './parse-api-key-prefix';

const SECRET = 'A'.repeat(21) + '_-' + 'z'.repeat(20);

describe('parseApiKeyPrefix', () => {
  it('returns the prefix of a well-formed key, even when the secret contains the separator', () => {
    expect(parseApiKeyPrefix(`kb_abcDEF012345_${SECRET}`)).toBe('abcDEF012345');
  });

  it.each([
    ['empty', ''],
    ['no kb_ marker', `xx_abcDEF012345_${SECRET}`],
    ['short prefix', `kb_abcDEF01234_${SECRET}`],
    ['non-base62 prefix', `kb_abcDEF01234-_${SECRET}`],
    ['short secret', `kb_abcDEF012345_${SECRET.slice(1)}`],
    ['long secret', `kb_abcDEF012345_${SECRET}A`],
    ['padding in secret', `kb_abcDEF012345_${SECRET.slice(1)}=`],
    ['surrounding space', ` kb_abcDEF012345_${SECRET}`],
  ])('refuses a key with %s', (_, raw) => {
    expect(parseApiKeyPrefix(raw)).toBeNull();
  });
});
