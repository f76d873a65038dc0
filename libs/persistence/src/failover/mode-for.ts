import { BreakerState, StoreMode } from '@karmabot/contracts';

/** The mode two breakers make: a store takes traffic only while its breaker is closed. */
export function modeFor(primary: BreakerState, backup: BreakerState): StoreMode {
  const isPrimaryUp = primary === 'closed';
  const isBackupUp = backup === 'closed';
  if (isPrimaryUp && isBackupUp) return 'FULL_OPERATIONAL';
  if (isPrimaryUp) return 'POSTGRESQL_ONLY';
  if (isBackupUp) return 'SUPABASE_ONLY';
  return 'CACHE_ONLY';
}
