import { ErrorCode, ErrorCodes, statusOf } from './error-codes';
import { FieldError } from './field-error';

/**
 * The one error type that crosses process boundaries. Domain errors extend it, RPC carries
 * its `toJSON()` form, and the gateway's problem filter renders it as RFC 9457.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.status = statusOf(code);
  }

  toJSON(): SerializedAppError {
    return { code: this.code, detail: this.message, errors: this.errors, headers: this.headers };
  }

  static fromJSON(raw: SerializedAppError): AppError {
    return new AppError(raw.code, raw.detail, raw.errors ?? [], raw.headers ?? {});
  }

  static isSerialized(value: unknown): value is SerializedAppError {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as SerializedAppError).code === 'string' &&
      (value as SerializedAppError).code in ErrorCodes &&
      typeof (value as SerializedAppError).detail === 'string'
    );
  }
}

export interface SerializedAppError {
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}
