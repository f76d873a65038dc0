import { AppError } from '@karmabot/contracts';

/** Seconds a client should wait before retrying a write the degraded mode refused. */
export const RETRY_AFTER_SECONDS = 5;

/** STORE_UNAVAILABLE (503) with `Retry-After`, the answer to what a degraded mode cannot take. */
export function storeUnavailable(detail: string): AppError {
  return new AppError('STORE_UNAVAILABLE', detail, [], { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}

export function isStoreUnavailable(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'STORE_UNAVAILABLE';
}
