import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldError } from '@karmabot/contracts';

/**
 * Validates every body, query and param against its DTO: unknown fields and wrong types are
 * refused (400) with one entry per field, named by its path as the client sent it.
 */
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) =>
        new AppError('VALIDATION_FAILED', 'The request has invalid fields', flattenValidationErrors(errors)),
    });
  }

  /**
   * Only HTTP input is validated here. Message handlers share the app's global pipes, but
   * their envelopes come from our own apps and are typed, not DTOs (RPC params carry a
   * numeric param type, HTTP ones a name).
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!HTTP_PARAM_TYPES.has(metadata.type)) return value;
    return super.transform(value, metadata);
  }
}

const HTTP_PARAM_TYPES = new Set<unknown>(['body', 'query', 'param']);

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = pathOf(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: path,
      message: message.replace(/^property \S+ should not exist$/, 'is not allowed'),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function pathOf(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}
