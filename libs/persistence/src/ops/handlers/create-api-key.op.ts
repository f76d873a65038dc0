import { AppError } from '@karmabot/contracts';
import { isUuid } from '../../db/is-uuid';
import { ApiKeyRow } from '../../rows/api-key-row';
import { toApiKeyView } from '../../views/to-api-key-view';
import { OpHandler } from '../op-handler';

/** Stores a new API key the gateway generated: only its prefix and secret hash, never the key. */
export const createApiKey: OpHandler<'api_key.create'> = async (tx, op) => {
  const { keyId, prefix, secretHash, name, scopes, rateLimitPerMinute } = op.payload;
  if (!isUuid(keyId)) {
    throw new AppError('VALIDATION_FAILED', 'key_id must be a UUID', [
      { field: 'key_id', message: 'must be a UUID' },
    ]);
  }
  const clash = await tx.query(`SELECT 1 FROM api_keys WHERE id = $1 OR prefix = $2`, [keyId, prefix]);
  if (clash.rowCount) {
    throw new AppError('VALIDATION_FAILED', 'An API key with this id or prefix already exists', [
      { field: 'prefix', message: 'is already in use' },
    ]);
  }
  const { rows } = await tx.query<ApiKeyRow>(
    `INSERT INTO api_keys (id, prefix, secret_hash, name, scopes, rate_limit_per_minute, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [keyId, prefix, secretHash, name, scopes, rateLimitPerMinute ?? null, op.at],
  );
  return toApiKeyView(rows[0]);
};
