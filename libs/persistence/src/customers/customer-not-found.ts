import { AppError } from '@karmabot/contracts';

/** Not a decision: the op is not recorded, so a retry once the customer exists can still apply. */
export function customerNotFound(customerId: string): AppError {
  return new AppError('CUSTOMER_NOT_FOUND', `Customer ${customerId} does not exist`);
}
