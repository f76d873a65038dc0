CREATE OR REPLACE FUNCTION public.karma_copy_batch(p_ops jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
 SET jit TO 'off'
AS $function$
      DECLARE
        v_groups jsonb;
        v_table record;
        v_rows jsonb;
        v_expected integer;
        v_count integer;
      BEGIN
        -- Each row the batch touches: its first change (kind, the version it started from), how
        -- many inserts, and its last image (the row as the source holds it after the batch).
        WITH effects AS (
          SELECT e->>'t' AS t, e->>'k' AS k, e->'row' AS row, o.n * 100000 + x.n AS n,
                 (SELECT jsonb_object_agg(key, e->'row'->key) FROM unnest(r.key_columns) key) AS key
            FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS o(op, n),
                 jsonb_array_elements(o.op->'effects') WITH ORDINALITY AS x(e, n)
            LEFT JOIN replicated_tables r ON r.table_name = x.e->>'t')
        SELECT coalesce(jsonb_agg(g), '[]') INTO v_groups FROM (
          SELECT t, key,
                 count(*) FILTER (WHERE k = 'I') AS inserts,
                 count(*) FILTER (WHERE k NOT IN ('I', 'U')) AS others,
                 (array_agg(k ORDER BY n))[1] AS first_kind,
                 (array_agg(row->>'prev_op_id' ORDER BY n))[1] AS expect,
                 (array_agg(row ORDER BY n DESC))[1] AS last_row
            FROM effects GROUP BY t, key) g;
        IF EXISTS (SELECT 1 FROM jsonb_array_elements(v_groups) g
                    WHERE (g->>'others')::int > 0 OR g->'key' IS NULL OR g->>'key' = 'null'
                       OR (g->>'inserts')::int > 1 OR ((g->>'inserts')::int = 1 AND g->>'first_kind' <> 'I')) THEN
          RETURN NULL;
        END IF;

        INSERT INTO ops (op_id, type, payload, actor, platform, at, request_hash, state, result, error,
                         result_hash, origin, effects)
        SELECT r.op_id, r.type, r.payload, r.actor, r.platform, r.at, r.request_hash, r.state, r.result,
               r.error, r.result_hash, r.origin, r.effects
          FROM jsonb_array_elements(p_ops) o, jsonb_populate_record(NULL::ops, o.value) r
        ON CONFLICT (op_id) DO NOTHING;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        IF v_count <> jsonb_array_length(p_ops) THEN
          RAISE EXCEPTION 'ops already present' USING ERRCODE = 'KR001';
        END IF;

        FOR v_table IN SELECT table_name FROM replicated_tables ORDER BY copy_rank, table_name LOOP
          SELECT jsonb_agg(g->'last_row'), count(*) INTO v_rows, v_expected FROM jsonb_array_elements(v_groups) g
           WHERE g->>'t' = v_table.table_name AND g->>'first_kind' = 'I';
          IF v_expected > 0 AND karma_copy_rows(v_table.table_name, 'insert', v_rows) <> v_expected THEN
            RAISE EXCEPTION 'rows already present in %', v_table.table_name USING ERRCODE = 'KR001';
          END IF;
        END LOOP;
        FOR v_table IN SELECT table_name FROM replicated_tables ORDER BY copy_rank, table_name LOOP
          SELECT jsonb_agg(jsonb_build_object('row', g->'last_row', 'expect', g->'expect')), count(*)
            INTO v_rows, v_expected FROM jsonb_array_elements(v_groups) g
           WHERE g->>'t' = v_table.table_name AND g->>'first_kind' = 'U';
          IF v_expected > 0 AND karma_copy_rows(v_table.table_name, 'update', v_rows) <> v_expected THEN
            RAISE EXCEPTION 'rows changed concurrently in %', v_table.table_name USING ERRCODE = 'KR001';
          END IF;
        END LOOP;
        RETURN jsonb_array_length(p_ops);
      END $function$

