import { ReplicationEndpoint } from './replication-endpoint';
import { ReplicationLog } from './replication-log';

/** Ops copied per call; the digest pages are larger, the copies are what takes time. */
const COPY_CHUNK = 500;

export interface ReconcileOptions {
  /** Ops compared per round trip. */
  pageSize: number;
  /**
   * How far before the last reconciliation's start the next one looks again: covers an op
   * whose transaction started (applied_at) before that run and committed after it.
   */
  safetyWindowMs: number;
  log: ReplicationLog;
}

/**
 * Copies into `target` every op `source` holds that `target` lacks (or holds with another
 * decision: the fixed rule of karma_apply_ops then converges them), since the watermark the
 * target keeps for this source, through the same apply path as replication. Ops the target could
 * not apply before (`cannot_apply`) are retried first, whatever their age. Resolves with how
 * many ops the target now holds that it did not.
 */
export async function reconcileDirection(
  source: ReplicationEndpoint,
  target: ReplicationEndpoint,
  options: ReconcileOptions,
): Promise<number> {
  let copied = 0;
  const copy = async (ids: string[]) => {
    // In chunks, so one call stays well inside the statement timeout (read in the source's order).
    for (let start = 0; start < ids.length; start += COPY_CHUNK) {
      const chunk = ids.slice(start, start + COPY_CHUNK);
      const report = await target.applyOps(source.name, await source.readOps(chunk));
      copied += report.copied + report.converged;
      for (const conflict of report.conflicts) {
        options.log.error({
          msg: 'replication.conflict',
          alert: true,
          from: source.name,
          to: target.name,
          ...conflict,
        });
      }
    }
  };

  await copy(await target.deferredOps(source.name));

  const state = await target.position(source.name);
  const since = state.reconciledThrough
    ? new Date(new Date(state.reconciledThrough).getTime() - options.safetyWindowMs)
    : null;
  let afterSeq = '0';
  let startedAt: string | null = null;
  for (;;) {
    const page = await source.opDigest(since, afterSeq, options.pageSize);
    startedAt ??= page.now;
    if (page.n === 0) break;
    await copy(await target.opsLacking(page.ops));
    afterSeq = page.lastSeq;
    if (page.n < options.pageSize) break;
  }
  if (startedAt) await target.markReconciled(source.name, new Date(startedAt));
  return copied;
}
