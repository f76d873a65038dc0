import { OpType, SerializedAppError } from '@karmabot/contracts';

/** An `ops` row as replays and `op.get` read it (the payload stays in the table). */
export interface OpRow {
  op_id: string;
  type: OpType;
  actor: string;
  at: Date;
  request_hash: string;
  state: 'applied' | 'rejected';
  result: unknown;
  error: SerializedAppError | null;
}
