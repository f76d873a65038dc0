import { createTestDatabase, TestDatabase } from '../../test/support/databases';
import { PGBENCH_CUSTOMER_ID_SQL } from './pgbench-scripts';
import { withPgClient } from './with-pg-client';

/**
 * pgbench's own fresh database, on the same server as the suite's and migrated the same way,
 * holding `customers` customers (each with a Telegram identity, external id n) whose ids the
 * scripts can compute. Its order tables start empty, as the suite's do.
 */
export async function createPgbenchDatabase(customers: number): Promise<TestDatabase> {
  const database = await createTestDatabase();
  try {
    await withPgClient(database.url, async (client) => {
      await client.query(
        `INSERT INTO customers (id, display_name, created_at, updated_at)
         SELECT ${PGBENCH_CUSTOMER_ID_SQL('n')}, 'bench customer ' || n, now(), now()
           FROM generate_series(1, $1::int) AS n`,
        [customers],
      );
      await client.query(
        `INSERT INTO identities (platform, external_id, customer_id, linked_at)
         SELECT 'telegram', n::text, ${PGBENCH_CUSTOMER_ID_SQL('n')}, now()
           FROM generate_series(1, $1::int) AS n`,
        [customers],
      );
      await client.query('ANALYZE');
    });
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}
