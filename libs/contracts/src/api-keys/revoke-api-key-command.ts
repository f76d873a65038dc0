import { WriteMeta } from '../commands/write-meta';

/** What the gateway sends to platform-adapters to revoke an API key (`Patterns.apiKey.revoke`). */
export interface RevokeApiKeyCommand extends WriteMeta {
  keyId: string;
}
