import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operation log: idempotency record, replay source and outbox of this store. `seq` is
 * store-local and commits out of order under concurrency (see DESIGN, "Writes: operations"),
 * so a tail must not treat it as gap-free. Rows older than IDEMPOTENCY_RETENTION_DAYS are
 * deleted by `at`, hence its index.
 */
export class CreateOps1767225600002 implements MigrationInterface {
  name = 'CreateOps1767225600002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ops (
        op_id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor text NOT NULL,
        platform text NOT NULL,
        at timestamptz NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('applied', 'rejected')),
        result jsonb,
        error jsonb,
        result_hash text,
        applied_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ops_rejected_has_error CHECK (state <> 'rejected' OR error IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX ops_at_idx ON ops (at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ops`);
  }
}
