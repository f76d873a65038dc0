import { Op } from '@karmabot/contracts';

/** A queued op as it sits in the BullMQ job (jobId = opId). */
export interface DeferredJob {
  op: Op;
  /** From Redis INCR at enqueue: the replay order within one ordering key. */
  seq: number;
  /** The customer (or order) whose ops must replay in `seq` order. */
  key: string;
  enqueuedAt: string;
}
