import { IdentityView } from '../views/customer-view';
import { LoyaltySummaryView } from '../views/loyalty-view';

/** One balance over every identity linked to the live customer. */
export interface UnifiedLoyaltyView extends LoyaltySummaryView {
  identities: IdentityView[];
}
