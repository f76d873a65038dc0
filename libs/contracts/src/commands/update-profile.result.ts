import { CustomerView } from '../views/customer-view';

export interface UpdateProfileResult {
  customer: CustomerView;
}
