import { ApiKeyScope } from '../platforms';

/**
 * The authenticated principal behind a request. Idempotency keys are scoped to `id`, so two
 * callers sending the same key never collide.
 */
export type Caller = { kind: 'admin'; id: 'admin' } | { kind: 'api_key'; id: string; scopes: ApiKeyScope[] };
