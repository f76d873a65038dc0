import { HttpException } from '@nestjs/common';
import { AppError, ErrorCode } from '@karmabot/contracts';

/** Fastify's own errors (raised before Nest sees the request) by their codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
};

const FASTIFY_JSON_MESSAGE =
  /not valid JSON|cannot be empty when content-type is set to 'application\/json'/i;

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UPSTREAM_UNAVAILABLE',
};

/** Normalises anything thrown while serving a request into the one error type we render. */
export function toAppError(exception: unknown): AppError {
  if (exception instanceof AppError) return exception;
  if (AppError.isSerialized(exception)) return AppError.fromJSON(exception);
  const fastifyCode = (exception as { code?: string })?.code;
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
    return new AppError(FASTIFY_CODES[fastifyCode], (exception as Error).message);
  }
  if (exception instanceof SyntaxError)
    return new AppError('MALFORMED_JSON', 'Request body is not valid JSON');
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest rewraps Fastify's body-parser errors as plain HttpExceptions, dropping their
    // FST_ERR_* code: only the message still says the body was not JSON.
    if (status === 400 && FASTIFY_JSON_MESSAGE.test(exception.message)) {
      return new AppError('MALFORMED_JSON', exception.message);
    }
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    const message = exception.message;
    return new AppError(code, message);
  }
  const status = (exception as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && STATUS_CODES[status]) {
    return new AppError(STATUS_CODES[status], (exception as Error).message);
  }
  return new AppError('INTERNAL', 'Internal error');
}
