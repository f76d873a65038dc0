/** One health check of one store: resolves with its round trip in ms, rejects when it is down. */
export type StoreProbe = () => Promise<number>;
