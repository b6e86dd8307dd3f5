-- Seizure statistics (issue 16): rollups kept up to date from a queue, so a statistics request
-- reads a few thousand pre-aggregated rows instead of scanning the cases.
--
-- A case (submitted or validated: drafts are known to their unit only) is cut into cells: one
-- per commodity group it has goods of (and '*' for all its goods), per dimension and value —
-- `all` (the case itself), `kind`, `reporting_unit`, `detection_method`, `concealment_method`,
-- `location_type`, `direction`, `conveyance_type`, `offender_nationality`, `origin_country`,
-- `transit_country`, `destination_country`, `route` (origin → destination), and of its goods
-- `commodity_group`, `commodity_type`, `unit`. A cell holds what the case adds there: 1 case,
-- its goods lines, their mass in kg, their value in EUR (the `eur_rate` attribute of the
-- `currencies` code list), the lines whose currency has no rate, and the quantities without a
-- mass per unit. `stat_case_cells` keeps each case's cells so that a change subtracts exactly
-- what the case added; `stat_daily` and `stat_monthly` sum them.
-- Triggers queue the changed cases (`stat_queue`) and notify `ncen_stats`; the statistics
-- worker of any instance recomputes their cells and applies the difference to the rollups.

CREATE TABLE stat_queue (
    case_id uuid PRIMARY KEY,
    queued_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stat_case_cells (
    case_id uuid NOT NULL,
    day date NOT NULL,
    status text NOT NULL,
    commodity_group text NOT NULL,
    dim text NOT NULL,
    value text NOT NULL,
    lines integer NOT NULL,
    kg double precision NOT NULL,
    value_eur double precision NOT NULL,
    unconverted integer NOT NULL,
    qty jsonb NOT NULL,
    PRIMARY KEY (case_id, commodity_group, dim, value)
);
-- the cells path of a request (`core/src/stats/repo.rs`) drives from one dimension's cells
CREATE INDEX stat_case_cells_dim ON stat_case_cells (dim, commodity_group, day);

CREATE TABLE stat_daily (
    dim text NOT NULL,
    commodity_group text NOT NULL,
    status text NOT NULL,
    day date NOT NULL,
    value text NOT NULL,
    cases integer NOT NULL,
    lines integer NOT NULL,
    kg double precision NOT NULL,
    value_eur double precision NOT NULL,
    unconverted integer NOT NULL,
    qty jsonb NOT NULL,
    PRIMARY KEY (dim, commodity_group, status, day, value)
);

CREATE TABLE stat_monthly (
    dim text NOT NULL,
    commodity_group text NOT NULL,
    status text NOT NULL,
    month date NOT NULL,
    value text NOT NULL,
    cases integer NOT NULL,
    lines integer NOT NULL,
    kg double precision NOT NULL,
    value_eur double precision NOT NULL,
    unconverted integer NOT NULL,
    qty jsonb NOT NULL,
    PRIMARY KEY (dim, commodity_group, status, month, value)
);

-- Quantities per unit: {unit: quantity}, added (zeros dropped) and summed.
CREATE FUNCTION ncen_qty_add(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_object_agg(k, q), '{}'::jsonb)
      FROM (SELECT k, sum(q) AS q
              FROM (SELECT key AS k, value::text::float8 AS q FROM jsonb_each(coalesce(a, '{}'::jsonb))
                    UNION ALL
                    SELECT key, value::text::float8 FROM jsonb_each(coalesce(b, '{}'::jsonb))) x
             GROUP BY k) y
     WHERE abs(q) > 1e-9
$$;
CREATE FUNCTION ncen_qty_neg(a jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_object_agg(key, -(value::text::float8)), '{}'::jsonb) FROM jsonb_each(a)
$$;
CREATE AGGREGATE ncen_qty_sum(jsonb) (SFUNC = ncen_qty_add, STYPE = jsonb, INITCOND = '{}');

-- The cells of the cases `ids` as they are now (none for a draft or a deleted case).
CREATE FUNCTION ncen_stat_cells(ids uuid[]) RETURNS SETOF stat_case_cells
    LANGUAGE sql STABLE AS $$
    WITH c AS (
        SELECT sc.* FROM seizure_cases sc WHERE sc.id = ANY (ids) AND sc.status <> 'draft'
    ),
    legs AS (
        SELECT l.case_id,
               CASE WHEN l.role = 'destination' THEN 'destination_country'
                    WHEN l.role = 'origin' THEN 'origin_country'
                    ELSE 'transit_country' END AS dim,
               l.country
          FROM seizure_route_legs l JOIN c ON c.id = l.case_id
    ),
    case_dims AS (
        SELECT id AS case_id, 'all' AS dim, '' AS value FROM c
        UNION ALL SELECT id, 'kind', kind FROM c
        UNION ALL SELECT id, 'reporting_unit', reporting_unit_id::text FROM c
        UNION ALL SELECT id, 'concealment_method', coalesce(concealment_method, '') FROM c
        UNION ALL SELECT id, 'location_type', coalesce(location_type, '') FROM c
        UNION ALL SELECT id, 'direction', coalesce(direction, '') FROM c
        UNION ALL SELECT id, 'offender_nationality', coalesce(offender_nationality, '') FROM c
        UNION ALL SELECT c.id, 'detection_method', coalesce(m, '')
                    FROM c LEFT JOIN LATERAL unnest(nullif(c.detection_methods, '{}')) m ON true
        UNION ALL SELECT c.id, 'conveyance_type', coalesce(t, '')
                    FROM c LEFT JOIN LATERAL unnest(nullif(c.conveyance_types, '{}')) t ON true
        UNION ALL SELECT DISTINCT case_id, dim, country FROM legs
        UNION ALL SELECT c.id, d.dim, '' FROM c
                    CROSS JOIN (VALUES ('origin_country'), ('transit_country'), ('destination_country')) d (dim)
                   WHERE NOT EXISTS (SELECT 1 FROM legs WHERE legs.case_id = c.id AND legs.dim = d.dim)
        UNION ALL SELECT DISTINCT c.id, 'route',
                         coalesce(o.country, '') || '>' || coalesce(d.country, '')
                    FROM c
                    LEFT JOIN legs o ON o.case_id = c.id AND o.dim = 'origin_country'
                    LEFT JOIN legs d ON d.case_id = c.id AND d.dim = 'destination_country'
    ),
    lines AS (
        SELECT c.id AS case_id, g.id AS line, coalesce(g.commodity_group, '') AS commodity_group,
               coalesce(g.commodity_type, '') AS commodity_type, coalesce(g.unit, '') AS unit,
               g.quantity, g.mass_kg,
               CASE WHEN g.value IS NULL THEN NULL
                    WHEN coalesce(g.currency, 'EUR') = 'EUR' THEN g.value
                    ELSE g.value * r.rate END AS value_eur,
               (g.value IS NOT NULL AND coalesce(g.currency, 'EUR') <> 'EUR' AND r.rate IS NULL) AS unconverted
          FROM c
          LEFT JOIN seizure_goods g ON g.case_id = c.id
          LEFT JOIN LATERAL (
              SELECT (e.attributes ->> 'eur_rate')::float8 AS rate FROM codelist_entries e
               WHERE e.list_name = 'currencies' AND e.code = g.currency
          ) r ON true
    ),
    line_cells AS (
        -- every dimension of the case applies to each of its lines; its goods' own dimensions
        -- to the line itself
        SELECT l.*, d.dim, d.value FROM lines l JOIN case_dims d ON d.case_id = l.case_id
        UNION ALL SELECT l.*, 'commodity_group', l.commodity_group FROM lines l WHERE l.line IS NOT NULL
        UNION ALL SELECT l.*, 'commodity_type', l.commodity_type FROM lines l WHERE l.line IS NOT NULL
        UNION ALL SELECT l.*, 'unit', l.unit FROM lines l WHERE l.line IS NOT NULL
    )
    SELECT x.case_id, (c.detected_at AT TIME ZONE 'UTC')::date, c.status, g.commodity_group, x.dim, x.value,
           count(x.line)::int,
           coalesce(sum(x.mass_kg), 0),
           coalesce(sum(x.value_eur), 0),
           count(*) FILTER (WHERE x.unconverted)::int,
           ncen_qty_sum(CASE WHEN x.mass_kg IS NULL AND x.quantity IS NOT NULL
                             THEN jsonb_build_object(x.unit, x.quantity) END)
      FROM line_cells x
      JOIN c ON c.id = x.case_id
     CROSS JOIN LATERAL (VALUES ('*'), (x.commodity_group)) g (commodity_group)
     WHERE g.commodity_group <> '' OR x.line IS NULL
     GROUP BY x.case_id, c.detected_at, c.status, g.commodity_group, x.dim, x.value
$$;

-- Recomputes the cells of `ids` and applies the difference to the rollups (in key order, so
-- that two instances applying at once wait for each other instead of deadlocking).
CREATE FUNCTION ncen_stat_apply(ids uuid[]) RETURNS void
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

-- Rebuilds every cell and both rollups from the cases (after a bulk load, or to start
-- over): cells 50 000 cases at a time, then each rollup in one pass. Empties the queue.
CREATE FUNCTION ncen_stat_rebuild() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    chunk uuid[];
    last uuid := '00000000-0000-0000-0000-000000000000';
    total bigint := 0;
BEGIN
    LOCK TABLE stat_queue IN EXCLUSIVE MODE;
    TRUNCATE stat_case_cells, stat_daily, stat_monthly;
    LOOP
        SELECT array_agg(id ORDER BY id) INTO chunk
          FROM (SELECT id FROM seizure_cases WHERE id > last AND status <> 'draft' ORDER BY id LIMIT 50000) c;
        EXIT WHEN chunk IS NULL;
        INSERT INTO stat_case_cells SELECT * FROM ncen_stat_cells(chunk);
        total := total + cardinality(chunk);
        last := chunk[cardinality(chunk)];
    END LOOP;
    INSERT INTO stat_daily (dim, commodity_group, status, day, value, cases, lines, kg, value_eur, unconverted, qty)
    SELECT dim, commodity_group, status, day, value, count(*), sum(lines), sum(kg), sum(value_eur),
           sum(unconverted), ncen_qty_sum(qty)
      FROM stat_case_cells GROUP BY dim, commodity_group, status, day, value;
    INSERT INTO stat_monthly (dim, commodity_group, status, month, value, cases, lines, kg, value_eur, unconverted, qty)
    SELECT dim, commodity_group, status, date_trunc('month', day)::date, value, count(*), sum(lines), sum(kg),
           sum(value_eur), sum(unconverted), ncen_qty_sum(qty)
      FROM stat_case_cells GROUP BY dim, commodity_group, status, date_trunc('month', day), value;
    DELETE FROM stat_queue;
    RETURN total;
END
$$;

CREATE FUNCTION ncen_stat_enqueue(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO stat_queue (case_id) SELECT DISTINCT unnest(ids)
        ON CONFLICT (case_id) DO UPDATE SET queued_at = least(stat_queue.queued_at, excluded.queued_at);
    SELECT pg_notify('ncen_stats', '');
$$;

-- Statement triggers: one queue write per statement whatever the number of rows.
CREATE FUNCTION ncen_stat_on_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ncen_stat_enqueue(ARRAY(SELECT DISTINCT CASE WHEN TG_TABLE_NAME = 'seizure_cases'
                                                         THEN (to_jsonb(n) ->> 'id')::uuid
                                                         ELSE (to_jsonb(n) ->> 'case_id')::uuid END
                                      FROM new_rows n));
    RETURN NULL;
END
$$;
CREATE FUNCTION ncen_stat_on_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ncen_stat_enqueue(ARRAY(SELECT DISTINCT CASE WHEN TG_TABLE_NAME = 'seizure_cases'
                                                         THEN (to_jsonb(o) ->> 'id')::uuid
                                                         ELSE (to_jsonb(o) ->> 'case_id')::uuid END
                                      FROM old_rows o));
    RETURN NULL;
END
$$;
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['seizure_cases', 'seizure_goods', 'seizure_route_legs'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_stats_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION ncen_stat_on_new()', t);
        EXECUTE format('CREATE TRIGGER %1$s_stats_update AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION ncen_stat_on_new()', t);
        EXECUTE format('CREATE TRIGGER %1$s_stats_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION ncen_stat_on_old()', t);
    END LOOP;
END
$$;

-- A rate changed: the cases with goods in that currency are recomputed.
CREATE FUNCTION ncen_stat_on_rate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.list_name = 'currencies'
       AND NEW.attributes ->> 'eur_rate' IS DISTINCT FROM OLD.attributes ->> 'eur_rate' THEN
        PERFORM ncen_stat_enqueue(ARRAY(SELECT DISTINCT case_id FROM seizure_goods WHERE currency = NEW.code));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER codelist_entries_stats AFTER UPDATE ON codelist_entries
    FOR EACH ROW EXECUTE FUNCTION ncen_stat_on_rate();
CREATE INDEX seizure_goods_currency ON seizure_goods (currency) WHERE currency IS NOT NULL;

-- Reference rates (EUR for one unit), administered in the code list.
UPDATE codelist_entries e SET attributes = e.attributes || jsonb_build_object('eur_rate', r.rate)
  FROM (VALUES ('EUR', 1.0), ('USD', 0.92), ('GBP', 1.17), ('CHF', 1.05), ('JPY', 0.0061),
               ('CNY', 0.127), ('AED', 0.25), ('SAR', 0.245), ('MAD', 0.092), ('DZD', 0.0068),
               ('TND', 0.295), ('XOF', 0.001524), ('XAF', 0.001524), ('NGN', 0.00058),
               ('TRY', 0.027), ('RUB', 0.0098), ('INR', 0.011), ('CAD', 0.67), ('BRL', 0.17),
               ('COP', 0.00023), ('ZAR', 0.05), ('EGP', 0.019), ('KES', 0.0071), ('HKD', 0.118),
               ('SGD', 0.69), ('THB', 0.026), ('PLN', 0.23), ('SEK', 0.087), ('NOK', 0.086),
               ('DKK', 0.134)) r (code, rate)
 WHERE e.list_name = 'currencies' AND e.code = r.code;

-- Every case there is now.
INSERT INTO stat_queue (case_id) SELECT id FROM seizure_cases WHERE status <> 'draft';
