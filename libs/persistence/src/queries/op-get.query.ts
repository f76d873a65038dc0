import { isUuid } from '../db/is-uuid';
import { OpRow } from '../rows/op-row';
import { toOpOutcome } from '../views/to-op-outcome';
import { QueryHandler } from './query-handler';

/** An op's decision and who asked (so the gateway shows it only to them); null once past retention. */
export const opGet: QueryHandler<'op.get'> = async (sql, { opId }) => {
  if (!isUuid(opId)) return null;
  const { rows } = await sql.query<OpRow>(
    `SELECT op_id, type, actor, at, request_hash, state, result, error FROM ops WHERE op_id = $1`,
    [opId],
  );
  return rows[0] ? { ...toOpOutcome(rows[0], false), actor: rows[0].actor } : null;
};
