import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { loadConfig, RpcClient, startApp } from '@karmabot/common';
import { AppError, OpOutcome, Patterns, RegisterCustomerResult } from '@karmabot/contracts';
import { makeOp } from '@karmabot/persistence/testing/make-op';
import { sampleOps } from '@karmabot/persistence/testing/sample-ops';
import { createTestDatabasePair, TestDatabasePair } from '../../../test/support/databases';
import { deleteRedisKeys } from '../../../test/support/delete-redis-keys';
import { waitUntil } from '../../../test/support/wait-until';
import { Client } from 'pg';
import { databaseNameOf, withDatabase } from '@karmabot/persistence';
import { PersistenceModule } from './persistence.module';

/**
 * The persistence app as the other apps see it: message patterns over a real Redis (under a
 * prefix of its own) and /readyz over HTTP, on a fresh database.
 */
describe('persistence app', () => {
  const prefix = `kb_test_${randomUUID().slice(0, 8)}:`;
  const savedEnv = { ...process.env };
  let db: TestDatabasePair;
  let app: INestApplication;
  let rpc: RpcClient;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabasePair();
    Object.assign(process.env, {
      DATABASE_URL: db.primaryUrl,
      BACKUP_DATABASE_URL: db.backupUrl,
      REDIS_PREFIX: prefix,
      PERSISTENCE_HTTP_PORT: '0',
      LOG_LEVEL: 'error',
    });
    // Started exactly as main.ts starts it, so the test covers the real wiring (filters, transport).
    app = await startApp({
      name: 'persistence',
      module: PersistenceModule,
      port: (c) => c.PERSISTENCE_HTTP_PORT,
      serveRpc: true,
    });
    const address = app.getHttpServer().address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}`;
    rpc = new RpcClient(loadConfig());
  });

  afterAll(async () => {
    await rpc.onApplicationShutdown();
    await app.close();
    await db.drop();
    await deleteRedisKeys(loadConfig().REDIS_URL, prefix);
    process.env = savedEnv;
  });

  it('applies an op sent to op.apply and answers its replay the same', async () => {
    const op = sampleOps.registerTelegram();

    const first = await rpc.send<OpOutcome<RegisterCustomerResult>>(Patterns.op.apply, op);
    const again = await rpc.send<OpOutcome<RegisterCustomerResult>>(Patterns.op.apply, op);

    expect(first).toMatchObject({
      opId: op.opId,
      state: 'applied',
      replayed: false,
      result: { created: true },
    });
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('carries an undecided error back as an AppError with its code', async () => {
    const op = sampleOps.placeOrder(randomUUID());

    const error = await rpc.send(Patterns.op.apply, op).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CUSTOMER_NOT_FOUND', status: 404 });
  });

  it('serves every query pattern, saying where each read came from, and null for what does not exist', async () => {
    const op = sampleOps.registerTelegram();
    const { result } = await rpc.send<OpOutcome<RegisterCustomerResult>>(Patterns.op.apply, op);
    const customer = result!.customer;
    const placed = await rpc.send<OpOutcome<{ order: { id: string } }>>(
      Patterns.op.apply,
      sampleOps.placeOrder(customer.id),
    );
    const keyOp = makeOp('api_key.create', {
      keyId: randomUUID(),
      prefix: `kb_${randomUUID().slice(0, 6)}`,
      secretHash: 'h',
      name: 'n',
      scopes: ['telegram'],
    });
    await rpc.send(Patterns.op.apply, keyOp);

    const externalId = op.payload.telegramId;
    // Just written, so served hot from the read cache; a search always goes to a store.
    expect(await rpc.send(Patterns.query.customerByIdentity, { platform: 'telegram', externalId })).toEqual({
      ...customer,
      source: 'cache',
    });
    expect(await rpc.send(Patterns.query.customerById, { customerId: randomUUID() })).toBeNull();
    expect(await rpc.send(Patterns.query.customerSearch, { telegramId: externalId, limit: 10 })).toEqual({
      items: [customer],
      source: 'primary',
      nextCursor: null,
    });
    expect(await rpc.send(Patterns.query.orderById, { orderId: placed.result!.order.id })).toMatchObject({
      customerId: customer.id,
    });
    expect(await rpc.send(Patterns.query.orderList, { customerId: customer.id, limit: 5 })).toHaveLength(1);
    expect(
      await rpc.send(Patterns.query.loyaltyLedger, { customerId: customer.id, recentLimit: 5 }),
    ).toMatchObject({
      pending: 34,
    });
    expect(await rpc.send(Patterns.query.apiKeyByPrefix, { prefix: keyOp.payload.prefix })).toMatchObject({
      id: keyOp.payload.keyId,
      secretHash: 'h',
    });
    expect(await rpc.send(Patterns.op.get, { opId: op.opId })).toMatchObject({
      opId: op.opId,
      actor: 'test',
    });
  });

  it('reports the store mode, both stores and replication on store.status, and reconciles on store.sync', async () => {
    const status = await rpc.send(Patterns.store.status, {});
    const sync = await rpc.send(Patterns.store.sync, {});

    expect(status).toMatchObject({
      primary: { up: true, latencyMs: expect.any(Number), lastError: null },
      backup: { up: true, latencyMs: expect.any(Number), lastError: null },
      mode: 'FULL_OPERATIONAL',
      replication: {
        enabled: true,
        writeConcern: 'primary',
        toBackup: { lastError: null },
        toPrimary: { lastError: null },
      },
    });
    expect(sync).toEqual({
      copied: { toBackup: expect.any(Number), toPrimary: 0 },
      conflicts: [],
      negativeBalances: [],
      tookMs: expect.any(Number),
    });
  });

  it('stays ready when its primary database is gone, and takes the primary out of the mode', async () => {
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      info: {
        stores: { status: 'up', mode: 'FULL_OPERATIONAL', primary: 'closed', backup: 'closed' },
        redis: { status: 'up' },
      },
    });

    await dropDatabase(db.primaryUrl);

    const status = await waitUntil(
      async () => {
        const answer = await rpc.send<{ mode: string; primary: { up: boolean; lastError: string } }>(
          Patterns.store.status,
          {},
        );
        return answer.mode === 'SUPABASE_ONLY' ? answer : undefined;
      },
      { timeoutMs: 10_000, describe: () => 'the primary to be taken out' },
    );
    expect(status.primary).toMatchObject({ up: false, lastError: expect.stringContaining('does not exist') });
    // Persistence serves in every mode (CACHE_ONLY included) while Redis answers.
    const stillReady = await fetch(`${baseUrl}/readyz`);
    expect(stillReady.status).toBe(200);
    expect(await stillReady.json()).toMatchObject({
      info: { stores: { status: 'up', mode: 'SUPABASE_ONLY', primary: 'open' } },
    });
  });
});

/** Drops one database of the pair (ending its sessions), as an outage that never comes back. */
async function dropDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${databaseNameOf(url)}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
