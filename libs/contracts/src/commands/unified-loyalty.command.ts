import { CustomerRef } from './customer-ref';

export interface UnifiedLoyaltyCommand {
  customer: CustomerRef;
}
