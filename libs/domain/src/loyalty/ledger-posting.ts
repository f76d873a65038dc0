import { LedgerEntryDraft } from './ledger-entry-draft';

/** The part of a stored entry that balances are computed from. */
export type LedgerPosting = Pick<LedgerEntryDraft, 'kind' | 'bucket' | 'points'>;
