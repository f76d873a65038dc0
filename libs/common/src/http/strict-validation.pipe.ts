import { ValidationError, ValidationPipe } from '@nestjs/common';
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
}

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
