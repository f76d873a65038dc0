/** How many ledger entries a loyalty answer lists, newest first. */
export const RECENT_ENTRIES_LIMIT = 20;
