import { PgStore } from '../store/pg-store';

/** Test fixture: a store on `url` with a pool big enough for the concurrency tests. */
export function connectTestStore(url: string): PgStore {
  return PgStore.connect({ url, poolSize: 25, connectTimeoutMs: 3000, statementTimeoutMs: 10_000 });
}
