import { ApiKeyScope } from '../platforms';

export interface ApiKeyView {
  id: string;
  prefix: string;
  name: string;
  scopes: ApiKeyScope[];
  rateLimitPerMinute: number | null;
  createdAt: string;
  revokedAt: string | null;
}

/** Only persistence and the gateway's key check see the hash. */
export interface ApiKeyRecord extends ApiKeyView {
  secretHash: string;
}
