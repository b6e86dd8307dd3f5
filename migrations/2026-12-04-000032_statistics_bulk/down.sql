-- The definitions of migration 31.
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


CREATE OR REPLACE FUNCTION ncen_stat_rebuild() RETURNS bigint
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

