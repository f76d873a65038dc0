import { loadConfig } from '@karmabot/common';
import { PgStore } from '@karmabot/persistence';
import { connectTestStore } from '@karmabot/persistence/testing/connect-test-store';
import { sampleOps } from '@karmabot/persistence/testing/sample-ops';
import { createTestDatabase, TestDatabase } from '../../../../test/support/databases';
import { OpsRetentionJob } from './ops-retention.job';

describe('OpsRetentionJob', () => {
  let db: TestDatabase;
  let store: PgStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = connectTestStore(db.url);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('deletes the ops older than IDEMPOTENCY_RETENTION_DAYS and keeps the rest', async () => {
    const job = new OpsRetentionJob(store, loadConfig({ IDEMPOTENCY_RETENTION_DAYS: '7' }));
    const now = new Date('2026-03-20T12:00:00Z');
    const expired = { ...sampleOps.registerTelegram(), at: '2026-03-13T11:59:59.000Z' };
    const kept = { ...sampleOps.registerTelegram(), at: '2026-03-13T12:00:01.000Z' };
    await store.applyOp(expired);
    await store.applyOp(kept);

    expect(await job.prune(now)).toBe(1);
    expect(await store.query('op.get', { opId: expired.opId })).toBeNull();
    expect(await store.query('op.get', { opId: kept.opId })).not.toBeNull();
  });

  it('logs and skips a run while the store is down', async () => {
    const down = PgStore.connect({
      url: 'postgres://postgres@127.0.0.1:1/nowhere',
      poolSize: 1,
      connectTimeoutMs: 300,
      statementTimeoutMs: 300,
    });
    const job = new OpsRetentionJob(down, loadConfig({}));

    await expect(job.prune()).resolves.toBe(0);
    await down.close();
  });
});
