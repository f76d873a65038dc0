import { WriteMeta } from '../commands/write-meta';
import { OpPayloads } from '../ops/op-types';

/**
 * What the gateway sends to platform-adapters to create an API key (`Patterns.apiKey.create`).
 * The gateway generated the key and hashed it: only the HMAC travels, never the secret, so the
 * plaintext key crosses no process boundary, queue or op log.
 */
export interface CreateApiKeyCommand extends WriteMeta {
  key: OpPayloads['api_key.create'];
}
