SET jit = off;
CREATE TEMP TABLE g AS
        WITH effects AS (
          SELECT e->>'t' AS t, e->>'k' AS k, e->'row' AS row, o.n * 100000 + x.n AS n,
                 (SELECT jsonb_object_agg(key, e->'row'->key) FROM unnest(r.key_columns) key) AS key
            FROM zz_batch, jsonb_array_elements(j) WITH ORDINALITY AS o(op, n),
                 jsonb_array_elements(o.op->'effects') WITH ORDINALITY AS x(e, n)
            LEFT JOIN replicated_tables r ON r.table_name = x.e->>'t')
        SELECT coalesce(jsonb_agg(g), '[]') AS v FROM (
          SELECT t, key,
                 count(*) FILTER (WHERE k = 'I') AS inserts,
                 count(*) FILTER (WHERE k NOT IN ('I', 'U')) AS others,
                 (array_agg(k ORDER BY n))[1] AS first_kind,
                 (array_agg(row->>'prev_op_id' ORDER BY n))[1] AS expect,
                 (array_agg(row ORDER BY n DESC))[1] AS last_row
            FROM effects GROUP BY t, key) g;
\timing on
SELECT EXISTS (SELECT 1 FROM g, jsonb_array_elements(g.v) g
                    WHERE (g->>'others')::int > 0 OR g->'key' IS NULL OR g->>'key' = 'null'
                       OR (g->>'inserts')::int > 1 OR ((g->>'inserts')::int = 1 AND g->>'first_kind' <> 'I'));
SELECT t.table_name, count(*) FROM replicated_tables t, g, jsonb_array_elements(g.v) x WHERE x->>'t' = t.table_name AND x->>'first_kind' = 'I' GROUP BY 1;
