import { AppError } from '@karmabot/contracts';
import { isUuid } from '../../db/is-uuid';
import { ApiKeyRow } from '../../rows/api-key-row';
import { toApiKeyView } from '../../views/to-api-key-view';
import { OpHandler } from '../op-handler';

/** Revokes a key; revoking a revoked key keeps its first revocation time. */
export const revokeApiKey: OpHandler<'api_key.revoke'> = async (tx, op) => {
  const { keyId } = op.payload;
  const notFound = () => new AppError('API_KEY_NOT_FOUND', `API key ${String(keyId)} does not exist`);
  if (!isUuid(keyId)) throw notFound();
  const { rows } = await tx.query<ApiKeyRow>(
    `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING *`,
    [keyId, op.at],
  );
  if (!rows[0]) throw notFound();
  return toApiKeyView(rows[0]);
};
