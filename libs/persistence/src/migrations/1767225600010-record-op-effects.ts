import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What replicates is an op's decision and its effects, never the command run again
 * (docs/adr/0401-replicate-recorded-effects.md). This migration makes every op record them:
 *
 * - `ops.origin`: the store that decided the op (`primary` or `backup`); an op copied in keeps
 *   the origin of the store that decided it, so the replicator, which tails only the ops its
 *   source decided, never copies it back.
 * - `ops.xid`: the deciding transaction (`pg_current_xact_id()`), store-local like `seq`. The
 *   replicator tails by (xid, seq) below `pg_snapshot_xmin`, so an op whose sequence committed
 *   late is never skipped.
 * - `ops.effects`: the row images the op wrote, in the order it wrote them:
 *   `[{t: table, k: 'I'|'U'|'D', row: {…}}]`, appended by statement triggers on every replicated
 *   table while `karma.op_id` is set (applyOp sets it, transaction-local, before the handler).
 * - `last_op_at`, `last_op_id`, `prev_op_id` on every replicated row, stamped by a row trigger:
 *   the op that wrote the row last and the version that op started from. Copies converge
 *   last-writer-wins by (last_op_at, last_op_id); a copied update whose `prev_op_id` is not what
 *   the target holds is a concurrent write (a split), recorded as a conflict.
 *
 * Writes made outside an op (a replicated copy, a manual fix) set no `karma.op_id`: the row
 * keeps the stamp it carries and nothing is recorded.
 */
export class RecordOpEffects1767225600010 implements MigrationInterface {
  name = 'RecordOpEffects1767225600010';

  async up(runner: QueryRunner): Promise<void> {
    // Ops decided before this migration were decided by the primary (the only store there was).
    await runner.query(`
      ALTER TABLE ops
        ADD COLUMN origin text NOT NULL DEFAULT 'primary' CHECK (origin IN ('primary', 'backup')),
        ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        ADD COLUMN effects jsonb NOT NULL DEFAULT '[]'`);
    // From now on the origin is the store's own name, which each store connection states
    // (`-c karma.store=…`, see createPgPool); a connection that does not fails the insert
    // (NOT NULL) instead of labelling an op with the wrong store.
    await runner.query(
      `ALTER TABLE ops ALTER COLUMN origin SET DEFAULT nullif(current_setting('karma.store', true), '')`,
    );
    await runner.query(`CREATE INDEX ops_outbox_idx ON ops (origin, xid, seq)`);
    await runner.query(`CREATE INDEX ops_applied_at_idx ON ops (applied_at)`);
    // Room on each page for the updates an op makes to its own row (effects, result): HOT updates.
    await runner.query(`ALTER TABLE ops SET (fillfactor = 80)`);

    await runner.query(`
      CREATE TABLE replicated_tables (
        table_name text PRIMARY KEY,
        key_columns text[] NOT NULL,
        -- Columns a copy may change on an existing row; NULL means every non-key column.
        updatable_columns text[]
      )`);
    await runner.query(
      `COMMENT ON TABLE replicated_tables IS 'Tables whose rows ops write and replication copies; see karma_replicate_table()'`,
    );

    await runner.query(`
      CREATE FUNCTION karma_stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_op text := current_setting('karma.op_id', true);
      BEGIN
        IF v_op IS NULL OR v_op = '' THEN
          RETURN NEW; -- not inside an op: a copy carries the stamp of the op that wrote it
        END IF;
        IF TG_OP = 'UPDATE' THEN
          -- A second write by the same op keeps the version the op started from.
          NEW.prev_op_id := CASE WHEN OLD.last_op_id = v_op::uuid THEN OLD.prev_op_id ELSE OLD.last_op_id END;
        ELSE
          NEW.prev_op_id := NULL;
        END IF;
        NEW.last_op_id := v_op::uuid;
        NEW.last_op_at := current_setting('karma.op_at')::timestamptz;
        RETURN NEW;
      END $$`);

    await runner.query(`
      CREATE FUNCTION karma_record_effects() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_op text := current_setting('karma.op_id', true);
        v_effects jsonb;
      BEGIN
        IF v_op IS NULL OR v_op = '' THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'DELETE' THEN
          SELECT jsonb_agg(jsonb_build_object('t', TG_TABLE_NAME, 'k', 'D', 'row', to_jsonb(o)))
            INTO v_effects FROM old_rows o;
        ELSE
          SELECT jsonb_agg(jsonb_build_object('t', TG_TABLE_NAME, 'k', left(TG_OP, 1), 'row', to_jsonb(n)))
            INTO v_effects FROM new_rows n;
        END IF;
        IF v_effects IS NOT NULL THEN
          UPDATE ops SET effects = effects || v_effects WHERE op_id = v_op::uuid;
        END IF;
        RETURN NULL;
      END $$`);

    // One call per table: the stamp columns, the triggers, the registry row. Later tables an op
    // writes (devices, mode_events) are added the same way by their own migration.
    await runner.query(`
      CREATE FUNCTION karma_replicate_table(p_table text, p_keys text[], p_updatable text[] DEFAULT NULL)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('ALTER TABLE %I ADD COLUMN last_op_at timestamptz, ADD COLUMN last_op_id uuid,
                        ADD COLUMN prev_op_id uuid', p_table);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION karma_stamp_row()', p_table || '_stamp_op', p_table);
        -- PostgreSQL allows transition tables only on single-event triggers: one per event.
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION karma_record_effects()', p_table || '_effects_i', p_table);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION karma_record_effects()', p_table || '_effects_u', p_table);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION karma_record_effects()', p_table || '_effects_d', p_table);
        INSERT INTO replicated_tables (table_name, key_columns, updatable_columns)
        VALUES (p_table, p_keys, p_updatable);
      END $$`);

    await runner.query(`SELECT karma_replicate_table('customers', ARRAY['id'])`);
    await runner.query(`SELECT karma_replicate_table('identities', ARRAY['platform', 'external_id'])`);
    await runner.query(`SELECT karma_replicate_table('orders', ARRAY['id'])`);
    // Ledger entries are append-only: a copy inserts them, and only a merge re-points one.
    await runner.query(
      `SELECT karma_replicate_table('loyalty_ledger', ARRAY['id'],
         ARRAY['customer_id', 'last_op_at', 'last_op_id', 'prev_op_id'])`,
    );
    await runner.query(`SELECT karma_replicate_table('api_keys', ARRAY['id'])`);
    await runner.query(`SELECT karma_replicate_table('link_codes', ARRAY['id'])`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['customers', 'identities', 'orders', 'loyalty_ledger', 'api_keys', 'link_codes']) {
      for (const suffix of ['stamp_op', 'effects_i', 'effects_u', 'effects_d']) {
        await runner.query(`DROP TRIGGER ${table}_${suffix} ON ${table}`);
      }
      await runner.query(
        `ALTER TABLE ${table} DROP COLUMN last_op_at, DROP COLUMN last_op_id, DROP COLUMN prev_op_id`,
      );
    }
    await runner.query(`DROP FUNCTION karma_replicate_table(text, text[], text[])`);
    await runner.query(`DROP FUNCTION karma_record_effects()`);
    await runner.query(`DROP FUNCTION karma_stamp_row()`);
    await runner.query(`DROP TABLE replicated_tables`);
    await runner.query(`ALTER TABLE ops RESET (fillfactor)`);
    await runner.query(`DROP INDEX ops_applied_at_idx`);
    await runner.query(`DROP INDEX ops_outbox_idx`);
    await runner.query(`ALTER TABLE ops DROP COLUMN effects, DROP COLUMN xid, DROP COLUMN origin`);
  }
}
