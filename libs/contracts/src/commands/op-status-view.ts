import { SerializedAppError } from '../errors/app-error';
import { OpState } from '../ops/op-outcome';
import { OpType } from '../ops/op-types';

/** What `GET /v1/ops/{opId}` shows: the op's decision, without its payload or actor. */
export interface OpStatusView {
  opId: string;
  type: OpType;
  state: OpState;
  result?: unknown;
  error?: SerializedAppError;
  at: string;
}
