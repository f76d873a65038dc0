/**
 * How far a replicator has copied one store's ops into the other: the (xid, seq) of the last
 * op copied, in the order the outbox is read. Both numbers are 64-bit, carried as decimal strings.
 */
export interface ReplicationPosition {
  xid: string;
  seq: string;
  /** The last op copied and its time, for people reading the status; not part of the order. */
  opId?: string | null;
  at?: string | null;
}

export const START_POSITION: ReplicationPosition = { xid: '0', seq: '0', opId: null, at: null };

/** Negative when `a` comes before `b` in the outbox order, 0 when equal, positive after. */
export function comparePositions(a: ReplicationPosition, b: ReplicationPosition): number {
  const byXid = BigInt(a.xid) - BigInt(b.xid);
  if (byXid !== 0n) return byXid < 0n ? -1 : 1;
  const bySeq = BigInt(a.seq) - BigInt(b.seq);
  return bySeq === 0n ? 0 : bySeq < 0n ? -1 : 1;
}
