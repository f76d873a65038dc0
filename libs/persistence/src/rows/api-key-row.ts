import { ApiKeyScope } from '@karmabot/contracts';

export interface ApiKeyRow {
  id: string;
  prefix: string;
  secret_hash: string;
  name: string;
  scopes: ApiKeyScope[];
  rate_limit_per_minute: number | null;
  created_at: Date;
  revoked_at: Date | null;
}
