import { api } from '../../test/support/http';
import { Suite } from '../../test/support/suite';

export interface FaultToleranceProbe {
  isAvailable: boolean;
  /** Why the failover and replay figures cannot be measured yet (when not available). */
  reason: string;
  mode: string;
}

/**
 * Whether the fault-tolerance work (issue 4: mode machine, replication, deferred-write queue)
 * has landed: persistence then reports a backup store beside the primary in `store.status`
 * (`GET /v1/admin/status` → `database.backup`). Until then it reports the primary only and the
 * mode is always POSTGRESQL_ONLY.
 */
export async function probeFaultTolerance(suite: Suite): Promise<FaultToleranceProbe> {
  const response = await api(suite).get('/v1/admin/status', { admin: true });
  const database = response.body?.database ?? {};
  const mode = String(database.mode ?? 'unknown');
  if (response.status === 200 && database.backup) return { isAvailable: true, reason: '', mode };
  return {
    isAvailable: false,
    mode,
    reason:
      `needs the fault-tolerance work (issue 4: mode machine, replication, deferred-write queue), not landed: ` +
      `persistence reports no backup store (GET /v1/admin/status → database.mode ${mode}, no database.backup)`,
  };
}
