import { WriteMeta } from './write-meta';

export interface IssueLinkCodeCommand extends WriteMeta {
  telegramId: string;
}
