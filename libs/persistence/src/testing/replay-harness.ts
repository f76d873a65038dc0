import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { Pool } from 'pg';
import { loadConfig } from '@karmabot/common';
import { Op, OpOutcome, StoreName } from '@karmabot/contracts';
import { createPgPool } from '../db/create-pg-pool';
import { DeferredQueue } from '../deferred/deferred-queue';
import { orderingKeyOf } from '../deferred/ordering-key';
import { RecoveryWorker } from '../deferred/recovery-worker';
import { ReplayBatcher } from '../deferred/replay-batcher';
import { PgStore } from '../store/pg-store';
import { deleteRedisKeys } from '../../../../test/support/delete-redis-keys';

export interface ReplayHarness {
  prefix: string;
  queue: DeferredQueue;
  worker: RecoveryWorker;
  batcher: ReplayBatcher;
  /** Ops decided by the replay, in the order they were decided. */
  decided: { op: Op; outcome: OpOutcome }[];
  /** Whether a missing row may still come from the other store (default true). */
  setMayArriveLater(value: boolean): void;
  /** Queues an op under its customer's line, as the failover repository does. */
  enqueue(op: Op): Promise<void>;
  close(): Promise<void>;
}

/**
 * Test fixture: the deferred-write queue and its recovery worker on a real Redis (under a
 * prefix of their own) replaying into the real store at `url`, wired as the persistence app
 * wires them, minus the mode machine: the replay target is set by the test.
 */
export async function startReplayHarness(
  url: string,
  store: PgStore,
  name: StoreName = 'primary',
  parallelism = 2,
): Promise<ReplayHarness> {
  const config = loadConfig();
  const prefix = `kb_test_${randomUUID().slice(0, 8)}:`;
  const commands = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const workerConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const pool: Pool = createPgPool({
    url,
    poolSize: parallelism + 1,
    connectTimeoutMs: 1000,
    statementTimeoutMs: 5000,
    storeName: name,
  });
  let mayArriveLater = true;
  const decided: ReplayHarness['decided'] = [];
  const queue = new DeferredQueue(commands, prefix);
  const batcher = new ReplayBatcher(
    queue,
    {
      target: () => worker.replayTarget,
      poolOf: () => pool,
      storeOf: () => store,
      onStoreFailure: () => undefined,
      mayArriveLater: () => mayArriveLater,
      onDecided: (op, outcome) => decided.push({ op, outcome }),
    },
    { parallelism },
  );
  const worker: RecoveryWorker = new RecoveryWorker(queue, batcher, workerConnection, prefix, {
    lockDurationMs: 2000,
  });
  return {
    prefix,
    queue,
    worker,
    batcher,
    decided,
    setMayArriveLater: (value) => (mayArriveLater = value),
    enqueue: async (op) => {
      const key = orderingKeyOf(op, {
        customerOfOrder: () => undefined,
        customerOfIdentity: () => undefined,
      });
      const owner =
        op.type === 'order.status_change'
          ? await queue.ownerOfQueuedOrder(String((op.payload as { orderId: string }).orderId))
          : undefined;
      await queue.enqueue(op, owner ? `customer:${owner}` : key);
    },
    close: async () => {
      await worker.close();
      await queue.queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await pool.end();
      commands.disconnect();
      await deleteRedisKeys(config.REDIS_URL, prefix);
      workerConnection.disconnect();
    },
  };
}
