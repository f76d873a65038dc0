import { CustomerView } from '../views/customer-view';

/** `mergedCustomerId` names the customer absorbed into `customer` (now a tombstone), or null when none was. */
export interface LinkTelegramResult {
  customer: CustomerView;
  mergedCustomerId: string | null;
}
