import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of store modes. Rows are written by `mode_event.record` ops on whichever store is
 * up (queued while none is) and registered with replication (karma_replicate_table), so they are
 * copied like any other effect and both stores end with the same history.
 */
export class CreateModeEvents1767225600040 implements MigrationInterface {
  name = 'CreateModeEvents1767225600040';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE mode_events (
        id uuid PRIMARY KEY,
        op_id uuid NOT NULL,
        at timestamptz NOT NULL,
        from_mode text CHECK (from_mode IN ('FULL_OPERATIONAL', 'POSTGRESQL_ONLY', 'SUPABASE_ONLY', 'CACHE_ONLY')),
        to_mode text NOT NULL CHECK (to_mode IN ('FULL_OPERATIONAL', 'POSTGRESQL_ONLY', 'SUPABASE_ONLY', 'CACHE_ONLY')),
        reason text NOT NULL,
        primary_state text NOT NULL CHECK (primary_state IN ('closed', 'open', 'recovering')),
        backup_state text NOT NULL CHECK (backup_state IN ('closed', 'open', 'recovering')),
        decided_by text NOT NULL,
        fencing_token bigint NOT NULL
      )`);
    await runner.query(`CREATE INDEX mode_events_at_idx ON mode_events (at DESC, id DESC)`);
    // Written by ops like every replicated table: effects recorded, copies stamped (migration 0010).
    await runner.query(`SELECT karma_replicate_table('mode_events', ARRAY['id'])`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM replicated_tables WHERE table_name = 'mode_events'`);
    await runner.query(`DROP TABLE mode_events`);
  }
}
