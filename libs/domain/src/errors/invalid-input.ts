import { FieldError } from '@karmabot/contracts/errors/field-error';
import { DomainError } from './domain-error';

/** Input a client sent that breaks a domain rule; `errors` names each field as the client spelled it. */
export class InvalidInput extends DomainError {
  constructor(errors: FieldError[], summary = 'Invalid input') {
    super(
      'VALIDATION_FAILED',
      `${summary}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      errors,
    );
  }
}
