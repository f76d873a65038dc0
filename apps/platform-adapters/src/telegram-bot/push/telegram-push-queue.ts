import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { BullConnections } from './bull-connections';
import { PushJob } from './push-job';

export const PUSH_QUEUE = 'telegram-push';

/** Producer side of the push queue: durable once `add` returns. */
@Injectable()
export class TelegramPushQueue implements BeforeApplicationShutdown {
  readonly queue: Queue<PushJob>;

  constructor(connections: BullConnections) {
    this.queue = new Queue<PushJob>(PUSH_QUEUE, {
      connection: connections.producer,
      prefix: connections.prefix,
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    });
  }

  /** `jobId` makes the push idempotent: a retried producer does not message the user twice. */
  async add(job: PushJob, jobId: string): Promise<void> {
    await this.queue.add(job.kind, job, { jobId });
  }

  async beforeApplicationShutdown() {
    await this.queue.close();
  }
}
