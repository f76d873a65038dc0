/**
 * `kb_<prefix>_<secret>`: a 12-character base62 prefix (the lookup id, safe to show and log)
 * and a 256-bit secret in base64url (43 characters, which may themselves contain `_`, so the
 * pattern fixes both lengths rather than splitting on the separator).
 */
export const API_KEY_PATTERN = /^kb_([0-9A-Za-z]{12})_([A-Za-z0-9_-]{43})$/;
