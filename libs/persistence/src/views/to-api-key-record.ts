import { ApiKeyRecord } from '@karmabot/contracts';
import { ApiKeyRow } from '../rows/api-key-row';
import { toApiKeyView } from './to-api-key-view';

/** The key with its secret hash, for the gateway's key check only. */
export function toApiKeyRecord(row: ApiKeyRow): ApiKeyRecord {
  return { ...toApiKeyView(row), secretHash: row.secret_hash };
}
