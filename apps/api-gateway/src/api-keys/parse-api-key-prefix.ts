import { API_KEY_PATTERN } from './api-key-pattern';

/** The lookup prefix of a well-formed key, or null, so a malformed key costs no lookup. */
export function parseApiKeyPrefix(raw: string): string | null {
  return API_KEY_PATTERN.exec(raw)?.[1] ?? null;
}
