/**
 * Ops as they travel between stores: the JSON text of an array of `ops` rows (with their
 * effects, without the store-local seq, xid and applied_at). Kept as text end to end, so a batch
 * is never parsed and re-serialized in Node on its way from one database to the other.
 */
export interface SerializedOps {
  json: string;
  count: number;
}

export const NO_OPS: SerializedOps = { json: '[]', count: 0 };
