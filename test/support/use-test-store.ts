import { Client } from 'pg';
import { PgStore } from '@karmabot/persistence';
import { connectTestStore } from '@karmabot/persistence/testing/connect-test-store';
import { createTestDatabase, TestDatabase } from './databases';

export interface TestStore {
  db: TestDatabase;
  store: PgStore;
  /** A plain connection for reading rows behind the store's back. */
  sql: Client;
}

/**
 * Gives the enclosing `describe` a fresh migrated database, a store on it and a plain client,
 * made before its tests and dropped after them. Read the fields inside tests, not at definition.
 */
export function useTestStore(): TestStore {
  const context = {} as TestStore;
  beforeAll(async () => {
    context.db = await createTestDatabase();
    context.store = connectTestStore(context.db.url);
    context.sql = new Client({ connectionString: context.db.url });
    await context.sql.connect();
  });
  afterAll(async () => {
    await context.sql?.end();
    await context.store?.close();
    await context.db?.drop();
  });
  return context;
}
