-- Statistics for bulk loads (issue 16): a rebuild of 932 000 cases had not finished after 44 min.
-- `ncen_stat_cells` spent 85 % of its time in the custom aggregate `ncen_qty_sum`, a SQL function
-- called once per line and cell (15 µs each): the quantities are now summed per unit with plain
-- aggregates first (4× faster). The rebuild reads the cases 5 000 at a time (a chunk's time grows
-- faster than its size: 2 s for 5 000 cases, 49 s for 50 000), sums the rollups with plain
-- aggregates too, and builds the monthly rollup from the daily one.
-- Two dimensions for the routes map: `route_segment` (each pair of consecutive route legs in
-- different countries, 'FR>BE') and `place` (where the goods were seized, to 0.01°).

CREATE OR REPLACE FUNCTION ncen_stat_cells(ids uuid[]) RETURNS SETOF stat_case_cells
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
        -- a route's segments, leg to next leg ('A>B'), for the routes map
        UNION ALL SELECT DISTINCT s.case_id, 'route_segment', s.country || '>' || s.next
                    FROM (SELECT l.case_id, l.country,
                                 lead(l.country) OVER (PARTITION BY l.case_id ORDER BY l.position) AS next
                            FROM seizure_route_legs l JOIN c ON c.id = l.case_id) s
                   WHERE s.next IS NOT NULL AND s.next <> s.country
        UNION ALL SELECT c.id, 'route_segment', '' FROM c
                   WHERE NOT EXISTS (
                       SELECT 1 FROM (SELECT l.country,
                                             lead(l.country) OVER (ORDER BY l.position) AS next
                                        FROM seizure_route_legs l WHERE l.case_id = c.id) s
                        WHERE s.next IS NOT NULL AND s.next <> s.country)
        -- where it was seized, rounded to about a kilometre, for the map's circles
        UNION ALL SELECT id, 'place',
                         CASE WHEN latitude IS NULL OR longitude IS NULL THEN ''
                              ELSE round(latitude::numeric, 2)::text || ',' || round(longitude::numeric, 2)::text END
                    FROM c
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
    ),
    -- summed per unit first, so that the quantities without a mass become one object per cell
    -- with a plain aggregate (a custom aggregate per row cost 15 µs a row)
    per_unit AS (
        SELECT x.case_id, g.commodity_group, x.dim, x.value, x.unit,
               count(x.line) AS lines, sum(x.mass_kg) AS kg, sum(x.value_eur) AS value_eur,
               count(*) FILTER (WHERE x.unconverted) AS unconverted,
               sum(x.quantity::float8) FILTER (WHERE x.mass_kg IS NULL) AS qty
          FROM line_cells x
         CROSS JOIN LATERAL (VALUES ('*'), (x.commodity_group)) g (commodity_group)
         WHERE g.commodity_group <> '' OR x.line IS NULL
         GROUP BY x.case_id, g.commodity_group, x.dim, x.value, x.unit
    )
    SELECT p.case_id, (c.detected_at AT TIME ZONE 'UTC')::date, c.status, p.commodity_group, p.dim, p.value,
           sum(p.lines)::int,
           coalesce(sum(p.kg), 0),
           coalesce(sum(p.value_eur), 0),
           sum(p.unconverted)::int,
           coalesce(jsonb_object_agg(p.unit, p.qty) FILTER (WHERE abs(p.qty) > 1e-9), '{}'::jsonb)
      FROM per_unit p
      JOIN c ON c.id = p.case_id
     GROUP BY p.case_id, c.detected_at, c.status, p.commodity_group, p.dim, p.value
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

-- the cases already counted get the two new dimensions from the statistics worker, in the
-- background (`ncen stats rebuild` does it in one pass after a bulk load)
INSERT INTO stat_queue (case_id) SELECT case_id FROM stat_case_cells WHERE dim = 'all'
    ON CONFLICT (case_id) DO NOTHING;
