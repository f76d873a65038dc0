/**
 * What the gateway decided about a write before it reaches an adapter: the op id (derived from
 * the caller and its Idempotency-Key, or minted) and the hash of the HTTP request, which tells a
 * replay from a reused key. The caller travels in the RPC envelope's meta.
 */
export interface WriteMeta {
  opId: string;
  requestHash: string;
}
