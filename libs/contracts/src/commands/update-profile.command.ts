import { WriteMeta } from './write-meta';

export interface UpdateProfileCommand extends WriteMeta {
  email: string;
  /** From If-Match; absent means last writer wins. */
  expectedVersion?: number;
  /** Only the fields the client sent; `null` clears a field. */
  changes: { displayName?: string | null; phone?: string | null; locale?: string | null };
}
