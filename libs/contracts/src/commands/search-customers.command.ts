import { Platform } from '../platforms';

/** Exactly one of `query`, `email`, `telegramId`, `phone`; `cursor` is opaque, from a previous page. */
export interface SearchCustomersCommand {
  query?: string;
  email?: string;
  telegramId?: string;
  phone?: string;
  platform?: Platform;
  limit: number;
  cursor?: string;
}
