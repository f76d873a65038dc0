import { Op, OpType } from '@karmabot/contracts';

/** What a use case decides about a write; OpApplier adds who, when and the idempotency facts. */
export type OpDraft<T extends OpType> = Pick<Op<T>, 'type' | 'payload' | 'platform'>;
