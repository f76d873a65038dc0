import type { ApiKeyScope } from '@karmabot/contracts';
import type { Suite } from './suite';

/** Tests read answers freely (`response.body.mode`); a wrong guess fails the assertion, not the compiler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBody = any;

export interface RequestOptions {
  /** Sent as `X-API-Key`. */
  apiKey?: string;
  /** `true` sends `Authorization: Bearer <the suite's admin token>`; a string sends that token. */
  admin?: boolean | string;
  idempotencyKey?: string;
  /** Sent as `X-Request-Id`. */
  requestId?: string;
  /** Sent as `If-Match` (optimistic concurrency on profile updates). */
  ifMatch?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface ApiResponse<T = AnyBody> {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON for JSON and problem+json answers, the text otherwise. */
  body: T;
  text: string;
}

export type SuiteTarget = Pick<Suite, 'baseUrl' | 'adminToken'>;

/** A small fetch wrapper for tests: `await api(suite).post('/v1/…', body, { apiKey })`. */
export function api(target: SuiteTarget) {
  const request = async <T = AnyBody>(
    method: string,
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    if (options.admin) {
      headers.authorization = `Bearer ${options.admin === true ? target.adminToken : options.admin}`;
    }
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.requestId) headers['x-request-id'] = options.requestId;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    Object.assign(headers, options.headers);
    const response = await fetch(new URL(path, target.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    const isJson = /[/+]json\b/.test(response.headers.get('content-type') ?? '');
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: (isJson && text ? JSON.parse(text) : text) as T,
      text,
    };
  };
  return {
    request,
    get: <T = AnyBody>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
    delete: <T = AnyBody>(path: string, options?: RequestOptions) =>
      request<T>('DELETE', path, undefined, options),
    post: <T = AnyBody>(path: string, body?: unknown, options?: RequestOptions) =>
      request<T>('POST', path, body ?? {}, options),
    put: <T = AnyBody>(path: string, body?: unknown, options?: RequestOptions) =>
      request<T>('PUT', path, body ?? {}, options),
    patch: <T = AnyBody>(path: string, body?: unknown, options?: RequestOptions) =>
      request<T>('PATCH', path, body ?? {}, options),
  };
}

export interface CreatedApiKey {
  id: string;
  /** The secret, shown once. */
  key: string;
  name: string;
  scopes: ApiKeyScope[];
  [field: string]: unknown;
}

/** Creates an API key through the admin route (`POST /v1/admin/api-keys`), failing loudly on anything but 201. */
export async function createApiKey(
  target: SuiteTarget,
  scopes: ApiKeyScope[],
  options: { name?: string; rateLimitPerMinute?: number } = {},
): Promise<CreatedApiKey> {
  const body: Record<string, unknown> = {
    name: options.name ?? `test key ${scopes.join('+')} ${Math.random().toString(36).slice(2, 8)}`,
    scopes,
  };
  if (options.rateLimitPerMinute !== undefined) body.rate_limit_per_minute = options.rateLimitPerMinute;
  const response = await api(target).post<CreatedApiKey>('/v1/admin/api-keys', body, { admin: true });
  if (response.status !== 201) {
    throw new Error(`POST /v1/admin/api-keys answered ${response.status}: ${response.text}`);
  }
  return response.body;
}
