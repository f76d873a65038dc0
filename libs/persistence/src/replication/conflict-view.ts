import { StoreName } from '@karmabot/contracts';

/** Why a copied op or row could not simply be applied. */
export type ConflictReason = 'decided_differently' | 'concurrent_update' | 'cannot_apply';

/**
 * One row of a store's `conflicts` table: what the replicator found, and what it did about it
 * (`resolution`: took_source, kept_target, deferred, applied_later). The stores have converged
 * by then (or the op waits, `deferred`); an operator reviews it and marks it resolved.
 */
export interface ConflictView {
  id: number;
  opId: string;
  /** The store the copied op came from; the conflict is recorded on the other one. */
  source: StoreName;
  reason: ConflictReason;
  relation: string | null;
  rowKey: Record<string, unknown> | null;
  sourceVersion: unknown;
  targetVersion: unknown;
  resolution: string;
  detail: string | null;
  detectedAt: string;
}

/** A conflict as reconciliation reports it: which store's table it is in. */
export interface StoredConflict extends ConflictView {
  store: StoreName;
}
