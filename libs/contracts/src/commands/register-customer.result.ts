import { CustomerView } from '../views/customer-view';

/** `created: false` when the identity already had a customer: the same customer is answered (200, not 201). */
export interface RegisterCustomerResult {
  created: boolean;
  customer: CustomerView;
}
