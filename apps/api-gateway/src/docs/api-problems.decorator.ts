import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@karmabot/common';
import { ProblemDetailsSchema } from './problem-details.schema';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid input: `errors[]` names each bad field (VALIDATION_FAILED, MALFORMED_JSON, IDEMPOTENCY_KEY_INVALID)',
  401: 'No credentials, or credentials that are malformed, unknown or revoked (UNAUTHENTICATED)',
  403: 'The API key lacks every scope this route accepts (FORBIDDEN)',
  404: 'The resource does not exist',
  409: 'The request conflicts with the current state',
  412: 'If-Match did not match the current version (PRECONDITION_FAILED)',
  413: 'The body is larger than BODY_LIMIT_BYTES (PAYLOAD_TOO_LARGE)',
  415: 'The body is not application/json (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Understood but refused, e.g. an Idempotency-Key reused with another body (IDEMPOTENCY_KEY_REUSED)',
  428: 'This write needs If-Match (PRECONDITION_REQUIRED)',
  429: 'The API key is over its rate limit (RATE_LIMITED); wait Retry-After seconds',
  503: 'A store or an internal service is unavailable; retry later (STORE_UNAVAILABLE, UPSTREAM_TIMEOUT)',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/**
 * Documents the problem+json errors a route can answer, all with the shared ProblemDetails
 * schema: `@ApiProblems(400, 401, 403, 404, 422, 429, 503)`.
 */
export function ApiProblems(...statuses: ProblemStatus[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsSchema),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        headers: status === 429 || status === 503 ? RETRY_AFTER : undefined,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
      }),
    ),
  );
}
