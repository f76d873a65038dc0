import { WriteMeta } from './write-meta';

/** Carries the password in clear only as far as platform-adapters, which hashes it before building the op. */
export interface RegisterWebsiteCustomerCommand extends WriteMeta {
  email: string;
  password: string;
  displayName?: string;
}
