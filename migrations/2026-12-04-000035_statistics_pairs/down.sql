-- The definitions of migrations 31 (apply) and 32 (rebuild).
DROP TABLE stat_pair_monthly;
CREATE OR REPLACE FUNCTION ncen_stat_apply(ids uuid[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS stat_delta (
        sign integer, day date, status text, commodity_group text, dim text, value text,
        lines integer, kg float8, value_eur float8, unconverted integer, qty jsonb
    ) ON COMMIT DROP;
    TRUNCATE stat_delta;
    WITH old AS (DELETE FROM stat_case_cells WHERE case_id = ANY (ids) RETURNING *)
    INSERT INTO stat_delta
    SELECT -1, day, status, commodity_group, dim, value, -lines, -kg, -value_eur, -unconverted, ncen_qty_neg(qty)
      FROM old;
    WITH new AS (INSERT INTO stat_case_cells SELECT * FROM ncen_stat_cells(ids) RETURNING *)
    INSERT INTO stat_delta
    SELECT 1, day, status, commodity_group, dim, value, lines, kg, value_eur, unconverted, qty FROM new;

    INSERT INTO stat_daily AS s (dim, commodity_group, status, day, value, cases, lines, kg, value_eur, unconverted, qty)
    SELECT dim, commodity_group, status, day, value, sum(sign), sum(lines), sum(kg), sum(value_eur),
           sum(unconverted), ncen_qty_sum(qty)
      FROM stat_delta GROUP BY dim, commodity_group, status, day, value
     ORDER BY dim, commodity_group, status, day, value
    ON CONFLICT (dim, commodity_group, status, day, value) DO UPDATE
       SET cases = s.cases + excluded.cases, lines = s.lines + excluded.lines, kg = s.kg + excluded.kg,
           value_eur = s.value_eur + excluded.value_eur, unconverted = s.unconverted + excluded.unconverted,
           qty = ncen_qty_add(s.qty, excluded.qty);
    INSERT INTO stat_monthly AS s (dim, commodity_group, status, month, value, cases, lines, kg, value_eur, unconverted, qty)
    SELECT dim, commodity_group, status, date_trunc('month', day)::date, value, sum(sign), sum(lines), sum(kg),
           sum(value_eur), sum(unconverted), ncen_qty_sum(qty)
      FROM stat_delta GROUP BY dim, commodity_group, status, date_trunc('month', day), value
     ORDER BY dim, commodity_group, status, date_trunc('month', day), value
    ON CONFLICT (dim, commodity_group, status, month, value) DO UPDATE
       SET cases = s.cases + excluded.cases, lines = s.lines + excluded.lines, kg = s.kg + excluded.kg,
           value_eur = s.value_eur + excluded.value_eur, unconverted = s.unconverted + excluded.unconverted,
           qty = ncen_qty_add(s.qty, excluded.qty);
    DELETE FROM stat_daily d USING (SELECT DISTINCT dim, commodity_group, status, day, value FROM stat_delta) k
     WHERE d.dim = k.dim AND d.commodity_group = k.commodity_group AND d.status = k.status AND d.day = k.day
       AND d.value = k.value AND d.cases = 0;
    DELETE FROM stat_monthly m USING (SELECT DISTINCT dim, commodity_group, status,
                                             date_trunc('month', day)::date AS month, value FROM stat_delta) k
     WHERE m.dim = k.dim AND m.commodity_group = k.commodity_group AND m.status = k.status AND m.month = k.month
       AND m.value = k.value AND m.cases = 0;
    DELETE FROM stat_queue WHERE case_id = ANY (ids);
END
$$;

CREATE OR REPLACE FUNCTION ncen_stat_rebuild() RETURNS bigint
    LANGUAGE plpgsql SET work_mem = '256MB' AS $$
DECLARE
    chunk uuid[];
    last uuid := '00000000-0000-0000-0000-000000000000';
    total bigint := 0;
BEGIN
    LOCK TABLE stat_queue IN EXCLUSIVE MODE;
    TRUNCATE stat_case_cells, stat_daily, stat_monthly;
    LOOP
        SELECT array_agg(id ORDER BY id) INTO chunk
          FROM (SELECT id FROM seizure_cases WHERE id > last AND status <> 'draft' ORDER BY id LIMIT 5000) c;
        EXIT WHEN chunk IS NULL;
        INSERT INTO stat_case_cells SELECT * FROM ncen_stat_cells(chunk);
        total := total + cardinality(chunk);
        last := chunk[cardinality(chunk)];
    END LOOP;
    INSERT INTO stat_daily (dim, commodity_group, status, day, value, cases, lines, kg, value_eur, unconverted, qty)
    SELECT dim, commodity_group, status, day, value, count(*), sum(lines), sum(kg), sum(value_eur),
           sum(unconverted), '{}'::jsonb
      FROM stat_case_cells GROUP BY dim, commodity_group, status, day, value;
    UPDATE stat_daily s SET qty = q.qty
      FROM (SELECT dim, commodity_group, status, day, value, jsonb_object_agg(unit, q) AS qty
              FROM (SELECT c.dim, c.commodity_group, c.status, c.day, c.value, e.key AS unit,
                           sum(e.value::text::float8) AS q
                      FROM stat_case_cells c CROSS JOIN LATERAL jsonb_each(c.qty) e
                     WHERE c.qty <> '{}'::jsonb
                     GROUP BY c.dim, c.commodity_group, c.status, c.day, c.value, e.key) u
             WHERE abs(q) > 1e-9
             GROUP BY dim, commodity_group, status, day, value) q
     WHERE s.dim = q.dim AND s.commodity_group = q.commodity_group AND s.status = q.status
       AND s.day = q.day AND s.value = q.value;
    -- a case has one day, so a month's cases are the sum of its days'
    INSERT INTO stat_monthly (dim, commodity_group, status, month, value, cases, lines, kg, value_eur, unconverted, qty)
    SELECT dim, commodity_group, status, date_trunc('month', day)::date, value, sum(cases), sum(lines), sum(kg),
           sum(value_eur), sum(unconverted), '{}'::jsonb
      FROM stat_daily GROUP BY dim, commodity_group, status, date_trunc('month', day), value;
    UPDATE stat_monthly s SET qty = q.qty
      FROM (SELECT dim, commodity_group, status, month, value, jsonb_object_agg(unit, q) AS qty
              FROM (SELECT d.dim, d.commodity_group, d.status, date_trunc('month', d.day)::date AS month,
                           d.value, e.key AS unit, sum(e.value::text::float8) AS q
                      FROM stat_daily d CROSS JOIN LATERAL jsonb_each(d.qty) e
                     WHERE d.qty <> '{}'::jsonb
                     GROUP BY d.dim, d.commodity_group, d.status, date_trunc('month', d.day), d.value, e.key) u
             WHERE abs(q) > 1e-9
             GROUP BY dim, commodity_group, status, month, value) q
     WHERE s.dim = q.dim AND s.commodity_group = q.commodity_group AND s.status = q.status
       AND s.month = q.month AND s.value = q.value;
    DELETE FROM stat_queue;
    RETURN total;
END
$$;

DROP FUNCTION ncen_stat_pairs_rebuild();
DROP FUNCTION ncen_qty_total(jsonb[]);
DROP FUNCTION ncen_stat_paired(text);
