/** The last 8 characters of a UUID: the random end, since v7 ids made close together share their start. */
export function shortId(id: string): string {
  return id.slice(-8);
}

/** `2025-01-31` from an ISO time: the same in every language, and unambiguous. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}
