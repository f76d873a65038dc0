import { Sourced } from '../failover/store-mode';
import { Platform } from '../platforms';

export interface IdentityView {
  platform: Platform;
  externalId: string;
  username?: string | null;
  linkedAt: string;
}

/** A customer as every platform sees it. Never carries a password hash. */
export interface CustomerView extends Sourced {
  id: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  version: number;
  mergedInto: string | null;
  identities: IdentityView[];
  createdAt: string;
  updatedAt: string;
}
