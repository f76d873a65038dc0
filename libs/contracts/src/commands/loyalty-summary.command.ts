import { CustomerRef } from './customer-ref';

export interface LoyaltySummaryCommand {
  customer: CustomerRef;
}
