-- The list filters' copy of a case's route countries and conveyance types (sorted, distinct),
-- recomputed from its route legs and conveyance links. One function, used by the API after it
-- writes a case's legs or links, and by a trigger when a conveyance's type changes, so the
-- conveyance register no longer calls into the seizure module to keep the copy right.
CREATE FUNCTION seizure_refresh_filter_arrays(ids uuid[]) RETURNS integer
LANGUAGE sql AS $$
    WITH fresh AS (
        SELECT c.id,
               coalesce((SELECT array_agg(DISTINCT l.country COLLATE "C" ORDER BY l.country COLLATE "C")
                           FROM seizure_route_legs l WHERE l.case_id = c.id), '{}') AS route_countries,
               coalesce((SELECT array_agg(DISTINCT v.conveyance_type COLLATE "C" ORDER BY v.conveyance_type COLLATE "C")
                           FROM seizure_case_conveyances l
                           JOIN conveyances v ON v.id = l.conveyance_id
                          WHERE l.case_id = c.id), '{}') AS conveyance_types
          FROM seizure_cases c
         WHERE c.id = ANY (ids)
    ), changed AS (
        UPDATE seizure_cases c
           SET route_countries = f.route_countries, conveyance_types = f.conveyance_types
          FROM fresh f
         WHERE c.id = f.id
           AND (c.route_countries, c.conveyance_types) IS DISTINCT FROM (f.route_countries, f.conveyance_types)
        RETURNING 1
    )
    SELECT count(*)::integer FROM changed
$$;

CREATE FUNCTION seizure_conveyance_type_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM seizure_refresh_filter_arrays(
        ARRAY(SELECT DISTINCT case_id FROM seizure_case_conveyances WHERE conveyance_id = NEW.id));
    RETURN NULL;
END
$$;

CREATE TRIGGER conveyance_type_changed
    AFTER UPDATE OF conveyance_type ON conveyances
    FOR EACH ROW
    WHEN (OLD.conveyance_type IS DISTINCT FROM NEW.conveyance_type)
    EXECUTE FUNCTION seizure_conveyance_type_changed();
