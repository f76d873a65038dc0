import { Platform } from '@karmabot/contracts';

export interface IdentityRow {
  platform: Platform;
  external_id: string;
  customer_id: string;
  username: string | null;
  linked_at: Date;
}
