-- Statistics by two dimensions from a rollup (issue 16). At 938 693 cases a table by two
-- dimensions read the cases' cells (46 million rows, 9.6 GB): a year of one dimension's cells,
-- each joined to the same case's cells of the other, took 32 s from a cold cache. Every pair of
-- the case dimensions is now summed by month in `stat_pair_monthly` (a case counts once under
-- each pair of its values), kept by `ncen_stat_apply` from the same difference of cells as the
-- daily and monthly rollups. The map's dimensions (`route_segment`, `place`) are not paired:
-- the map reads them alone; with a second dimension it reads the cells as before.
-- The quantities without a mass are summed with `ncen_qty_total` (one call per group over an
-- array of the group's objects) instead of the custom aggregate `ncen_qty_sum`, a SQL function
-- called once per row (~25 µs each: 400 ms for a year of routes by day).

CREATE TABLE stat_pair_monthly (
    dim_a text NOT NULL,
    dim_b text NOT NULL,
    commodity_group text NOT NULL,
    status text NOT NULL,
    month date NOT NULL,
    value_a text NOT NULL,
    value_b text NOT NULL,
    cases integer NOT NULL,
    lines integer NOT NULL,
    kg double precision NOT NULL,
    value_eur double precision NOT NULL,
    unconverted integer NOT NULL,
    qty jsonb NOT NULL,
    PRIMARY KEY (dim_a, dim_b, commodity_group, status, month, value_a, value_b),
    CONSTRAINT stat_pair_monthly_order CHECK (dim_a < dim_b)
);

-- Whether a dimension is paired (the map's and the commodity group, a column of every rollup,
-- are not).
CREATE FUNCTION ncen_stat_paired(dim text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT dim NOT IN ('all', 'commodity_group', 'route_segment', 'place')
$$;

-- The sum per unit of quantity objects, `{}` when there are none.
CREATE FUNCTION ncen_qty_total(q jsonb[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_object_agg(k, s), '{}'::jsonb)
      FROM (SELECT e.key AS k, sum(e.value::text::float8) AS s
              FROM unnest(q) x (o) CROSS JOIN LATERAL jsonb_each(x.o) e
             GROUP BY e.key) y
     WHERE abs(s) > 1e-9
$$;

-- Recomputes the cells of `ids` and applies the difference to the three rollups (in key order,
-- so that two instances applying at once wait for each other instead of deadlocking). A pair's
-- measures are those of its goods dimension's cell (`commodity_type` sorts first, `unit`
-- last; the two are never paired together), else the case's.
CREATE OR REPLACE FUNCTION ncen_stat_apply(ids uuid[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS stat_cell_delta (
        sign integer, case_id uuid, day date, status text, commodity_group text, dim text, value text,
        lines integer, kg float8, value_eur float8, unconverted integer, qty jsonb
    ) ON COMMIT DROP;
    TRUNCATE stat_cell_delta;
    WITH old AS (DELETE FROM stat_case_cells WHERE case_id = ANY (ids) RETURNING *)
    INSERT INTO stat_cell_delta
    SELECT -1, case_id, day, status, commodity_group, dim, value, -lines, -kg, -value_eur, -unconverted,
           ncen_qty_neg(qty)
      FROM old;
    WITH new AS (INSERT INTO stat_case_cells SELECT * FROM ncen_stat_cells(ids) RETURNING *)
    INSERT INTO stat_cell_delta
    SELECT 1, case_id, day, status, commodity_group, dim, value, lines, kg, value_eur, unconverted, qty FROM new;

    INSERT INTO stat_daily AS s (dim, commodity_group, status, day, value, cases, lines, kg, value_eur, unconverted, qty)
    SELECT dim, commodity_group, status, day, value, sum(sign), sum(lines), sum(kg), sum(value_eur),
           sum(unconverted), ncen_qty_total(array_agg(qty) FILTER (WHERE qty <> '{}'::jsonb))
      FROM stat_cell_delta GROUP BY dim, commodity_group, status, day, value
     ORDER BY dim, commodity_group, status, day, value
    ON CONFLICT (dim, commodity_group, status, day, value) DO UPDATE
       SET cases = s.cases + excluded.cases, lines = s.lines + excluded.lines, kg = s.kg + excluded.kg,
           value_eur = s.value_eur + excluded.value_eur, unconverted = s.unconverted + excluded.unconverted,
           qty = CASE WHEN excluded.qty = '{}'::jsonb THEN s.qty ELSE ncen_qty_add(s.qty, excluded.qty) END;
    INSERT INTO stat_monthly AS s (dim, commodity_group, status, month, value, cases, lines, kg, value_eur, unconverted, qty)
    SELECT dim, commodity_group, status, date_trunc('month', day)::date, value, sum(sign), sum(lines), sum(kg),
           sum(value_eur), sum(unconverted), ncen_qty_total(array_agg(qty) FILTER (WHERE qty <> '{}'::jsonb))
      FROM stat_cell_delta GROUP BY dim, commodity_group, status, date_trunc('month', day), value
     ORDER BY dim, commodity_group, status, date_trunc('month', day), value
    ON CONFLICT (dim, commodity_group, status, month, value) DO UPDATE
       SET cases = s.cases + excluded.cases, lines = s.lines + excluded.lines, kg = s.kg + excluded.kg,
           value_eur = s.value_eur + excluded.value_eur, unconverted = s.unconverted + excluded.unconverted,
           qty = CASE WHEN excluded.qty = '{}'::jsonb THEN s.qty ELSE ncen_qty_add(s.qty, excluded.qty) END;

    CREATE TEMP TABLE IF NOT EXISTS stat_pair_delta (
        dim_a text, dim_b text, commodity_group text, status text, month date, value_a text, value_b text,
        cases integer, lines integer, kg float8, value_eur float8, unconverted integer, qty jsonb
    ) ON COMMIT DROP;
    TRUNCATE stat_pair_delta;
    INSERT INTO stat_pair_delta
    SELECT a.dim, b.dim, a.commodity_group, a.status, date_trunc('month', a.day)::date, a.value, b.value,
           sum(a.sign), sum(m.lines), sum(m.kg), sum(m.value_eur), sum(m.unconverted),
           ncen_qty_total(array_agg(m.qty) FILTER (WHERE m.qty <> '{}'::jsonb))
      FROM stat_cell_delta a
      JOIN stat_cell_delta b ON b.case_id = a.case_id AND b.sign = a.sign
                            AND b.commodity_group = a.commodity_group AND b.dim > a.dim
     CROSS JOIN LATERAL (SELECT CASE WHEN b.dim = 'unit' THEN b.lines ELSE a.lines END,
                                CASE WHEN b.dim = 'unit' THEN b.kg ELSE a.kg END,
                                CASE WHEN b.dim = 'unit' THEN b.value_eur ELSE a.value_eur END,
                                CASE WHEN b.dim = 'unit' THEN b.unconverted ELSE a.unconverted END,
                                CASE WHEN b.dim = 'unit' THEN b.qty ELSE a.qty END) m (lines, kg, value_eur, unconverted, qty)
     WHERE ncen_stat_paired(a.dim) AND ncen_stat_paired(b.dim) AND NOT (a.dim = 'commodity_type' AND b.dim = 'unit')
     GROUP BY a.dim, b.dim, a.commodity_group, a.status, date_trunc('month', a.day), a.value, b.value;
    INSERT INTO stat_pair_monthly AS s (dim_a, dim_b, commodity_group, status, month, value_a, value_b,
                                        cases, lines, kg, value_eur, unconverted, qty)
    SELECT * FROM stat_pair_delta
     ORDER BY dim_a, dim_b, commodity_group, status, month, value_a, value_b
    ON CONFLICT (dim_a, dim_b, commodity_group, status, month, value_a, value_b) DO UPDATE
       SET cases = s.cases + excluded.cases, lines = s.lines + excluded.lines, kg = s.kg + excluded.kg,
           value_eur = s.value_eur + excluded.value_eur, unconverted = s.unconverted + excluded.unconverted,
           qty = CASE WHEN excluded.qty = '{}'::jsonb THEN s.qty ELSE ncen_qty_add(s.qty, excluded.qty) END;

    DELETE FROM stat_daily d USING (SELECT DISTINCT dim, commodity_group, status, day, value FROM stat_cell_delta) k
     WHERE d.dim = k.dim AND d.commodity_group = k.commodity_group AND d.status = k.status AND d.day = k.day
       AND d.value = k.value AND d.cases = 0;
    DELETE FROM stat_monthly m USING (SELECT DISTINCT dim, commodity_group, status,
                                             date_trunc('month', day)::date AS month, value FROM stat_cell_delta) k
     WHERE m.dim = k.dim AND m.commodity_group = k.commodity_group AND m.status = k.status AND m.month = k.month
       AND m.value = k.value AND m.cases = 0;
    DELETE FROM stat_pair_monthly p USING stat_pair_delta k
     WHERE p.dim_a = k.dim_a AND p.dim_b = k.dim_b AND p.commodity_group = k.commodity_group
       AND p.status = k.status AND p.month = k.month AND p.value_a = k.value_a AND p.value_b = k.value_b
       AND p.cases = 0;
    DELETE FROM stat_queue WHERE case_id = ANY (ids);
END
$$;

-- The pairs rollup from the cells, a month of cases at a time (a month's cells pair only with
-- each other: each month's rows are written once, without conflicts). 58 s for a month of
-- 36 500 cases on the benchmark machine.
CREATE FUNCTION ncen_stat_pairs_rebuild() RETURNS bigint
    LANGUAGE plpgsql SET work_mem = '256MB' AS $$
DECLARE
    m date;
    total bigint := 0;
    n bigint;
BEGIN
    LOCK TABLE stat_queue IN EXCLUSIVE MODE;
    TRUNCATE stat_pair_monthly;
    FOR m IN SELECT DISTINCT month FROM stat_monthly WHERE dim = 'all' ORDER BY 1 LOOP
        CREATE TEMP TABLE stat_month_cells ON COMMIT DROP AS
        SELECT c.* FROM stat_case_cells c
         WHERE c.case_id IN (SELECT case_id FROM stat_case_cells
                              WHERE dim = 'all' AND commodity_group = '*'
                                AND day >= m AND day < (m + interval '1 month')::date)
           AND ncen_stat_paired(c.dim);
        INSERT INTO stat_pair_monthly (dim_a, dim_b, commodity_group, status, month, value_a, value_b,
                                       cases, lines, kg, value_eur, unconverted, qty)
        SELECT a.dim, b.dim, a.commodity_group, a.status, m, a.value, b.value,
               count(*), sum(x.lines), sum(x.kg), sum(x.value_eur), sum(x.unconverted),
               CASE WHEN bool_or(x.qty <> '{}'::jsonb)
                    THEN ncen_qty_total(array_agg(x.qty) FILTER (WHERE x.qty <> '{}'::jsonb))
                    ELSE '{}'::jsonb END
          FROM stat_month_cells a
          JOIN stat_month_cells b ON b.case_id = a.case_id AND b.commodity_group = a.commodity_group AND b.dim > a.dim
         CROSS JOIN LATERAL (SELECT CASE WHEN b.dim = 'unit' THEN b.lines ELSE a.lines END,
                                    CASE WHEN b.dim = 'unit' THEN b.kg ELSE a.kg END,
                                    CASE WHEN b.dim = 'unit' THEN b.value_eur ELSE a.value_eur END,
                                    CASE WHEN b.dim = 'unit' THEN b.unconverted ELSE a.unconverted END,
                                    CASE WHEN b.dim = 'unit' THEN b.qty ELSE a.qty END) x (lines, kg, value_eur, unconverted, qty)
         WHERE NOT (a.dim = 'commodity_type' AND b.dim = 'unit')
         GROUP BY a.dim, b.dim, a.commodity_group, a.status, a.value, b.value;
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
        DROP TABLE stat_month_cells;
    END LOOP;
    RETURN total;
END
$$;

-- Every statistic from the cases: the cells and the daily and monthly rollups as before
-- (migration 32), then the pairs.
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
    PERFORM ncen_stat_pairs_rebuild();
    DELETE FROM stat_queue;
    RETURN total;
END
$$;

-- The cases already counted: their pairs (the queue's cases are applied afterwards, with
-- their pairs, by the worker).
SELECT ncen_stat_pairs_rebuild();
