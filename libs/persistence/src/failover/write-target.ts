import { StoreMode, StoreName } from '@karmabot/contracts';

/** Where a write goes: one of the stores, or the deferred-write queue. */
export type WriteTarget = StoreName | 'queue';

/** DESIGN's routing table: the primary whenever it is up, else the backup, else the queue. */
export function writeTargetOf(mode: StoreMode): WriteTarget {
  switch (mode) {
    case 'FULL_OPERATIONAL':
    case 'POSTGRESQL_ONLY':
      return 'primary';
    case 'SUPABASE_ONLY':
      return 'backup';
    case 'CACHE_ONLY':
      return 'queue';
  }
}
