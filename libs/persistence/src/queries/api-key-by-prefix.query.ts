import { ApiKeyRow } from '../rows/api-key-row';
import { toApiKeyRecord } from '../views/to-api-key-record';
import { QueryHandler } from './query-handler';

/** The key with its secret hash, revoked or not: the gateway's check decides what revoked means. */
export const apiKeyByPrefix: QueryHandler<'query.api-key.by-prefix'> = async (sql, { prefix }) => {
  const { rows } = await sql.query<ApiKeyRow>(`SELECT * FROM api_keys WHERE prefix = $1`, [prefix]);
  return rows[0] ? toApiKeyRecord(rows[0]) : null;
};
