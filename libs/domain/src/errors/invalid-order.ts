import { FieldError } from '@karmabot/contracts/errors/field-error';
import { InvalidInput } from './invalid-input';

export class InvalidOrder extends InvalidInput {
  constructor(errors: FieldError[]) {
    super(errors, 'Invalid order');
  }
}
