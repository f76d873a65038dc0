import { Caller } from '../auth/caller';

/** What travels with every RPC message besides its data: the trace and who asked. */
export interface RpcMeta {
  correlationId: string;
  caller?: Caller;
}

export interface RpcEnvelope<T> {
  meta: RpcMeta;
  data: T;
}
