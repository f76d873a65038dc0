import { WriteMeta } from './write-meta';

export interface RegisterTelegramCustomerCommand extends WriteMeta {
  /** Digits only: the gateway turns a JSON number into its decimal string. */
  telegramId: string;
  username?: string;
  firstName?: string;
  languageCode?: string;
}
