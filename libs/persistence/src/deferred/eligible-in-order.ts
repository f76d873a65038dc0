/** A queued op as the replay sees it. */
export interface Sequenced {
  opId: string;
  seq: number;
}

/** The first entries of one ordering key's line in Redis (member = opId, score = seq). */
export interface LineHead {
  entries: { opId: string; seq: number }[];
  /** Whether `entries` is the whole line (it was shorter than what was asked for). */
  isWhole: boolean;
}

/**
 * Which of one key's fetched ops may apply now, in order: those that continue the line from its
 * head without a gap. An op whose line holds an earlier op that is not in this batch (still
 * retrying, or parked) waits, and so does everything after it: a customer's queue pauses, it is
 * never reordered. An op missing from the line (its entry was never written, a crash between
 * the two writes of an enqueue) goes once nothing earlier is left in the line.
 */
export function eligibleInOrder<T extends Sequenced>(
  batch: readonly T[],
  head: LineHead,
): { ready: T[]; waiting: T[] } {
  const sorted = [...batch].sort((a, b) => a.seq - b.seq);
  const inLine = new Set(head.entries.map((entry) => entry.opId));
  const ready: T[] = [];
  let next = 0;
  for (let i = 0; i < sorted.length; i++) {
    const op = sorted[i];
    const entry = head.entries[next];
    if (inLine.has(op.opId)) {
      if (entry?.opId !== op.opId) return { ready, waiting: sorted.slice(i) };
      ready.push(op);
      next++;
      continue;
    }
    const nothingEarlier = entry ? entry.seq > op.seq : head.isWhole;
    if (!nothingEarlier) return { ready, waiting: sorted.slice(i) };
    ready.push(op);
  }
  return { ready, waiting: [] };
}
