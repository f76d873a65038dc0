import { AppError } from '@karmabot/contracts';
import { CustomerRow } from '../rows/customer-row';

/** The customer is a merge tombstone: writes must go to the customer it was merged into. */
export function customerMerged(customer: CustomerRow): AppError {
  return new AppError('CUSTOMER_MERGED', `Customer ${customer.id} was merged into ${customer.merged_into}`);
}
