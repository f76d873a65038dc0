import { loadConfig } from '@karmabot/common';
import { PgStore } from '@karmabot/persistence';
import { sampleOps } from '@karmabot/persistence/testing/sample-ops';
import { useTestStore } from '../../../../test/support/use-test-store';
import { OpsRetentionJob } from './ops-retention.job';

describe('OpsRetentionJob', () => {
  const t = useTestStore();

  it('deletes the ops older than IDEMPOTENCY_RETENTION_DAYS and keeps the rest', async () => {
    const job = new OpsRetentionJob(t.store, loadConfig({ IDEMPOTENCY_RETENTION_DAYS: '7' }));
    const now = new Date('2026-03-20T12:00:00Z');
    const expired = { ...sampleOps.registerTelegram(), at: '2026-03-13T11:59:59.000Z' };
    const kept = { ...sampleOps.registerTelegram(), at: '2026-03-13T12:00:01.000Z' };
    await t.store.applyOp(expired);
    await t.store.applyOp(kept);

    expect(await job.prune(now)).toBe(1);
    expect(await t.store.query('op.get', { opId: expired.opId })).toBeNull();
    expect(await t.store.query('op.get', { opId: kept.opId })).not.toBeNull();
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
