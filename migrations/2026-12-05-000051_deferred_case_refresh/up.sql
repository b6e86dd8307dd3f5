-- A bulk write (an import's batch of cases) defers two refreshes to the end of its batch instead
-- of paying them per case: the cases' filter arrays (route countries, conveyance types) and the
-- registers' last case. `ncen_defer_refresh()` turns the deferral on for the transaction (a
-- local setting, so it ends with it); while on, both note their ids in a temporary table, and
-- `ncen_flush_refresh()` runs each refresh once for every id noted and turns it off. A
-- transaction that never flushes leaves nothing behind (ON COMMIT DELETE ROWS) — the import
-- always flushes before it commits.
ALTER FUNCTION seizure_refresh_filter_arrays(uuid[]) RENAME TO seizure_refresh_filter_arrays_now;

CREATE FUNCTION ncen_refresh_deferred() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('ncen.defer_refresh', true), '') = 'on'
$$;

CREATE FUNCTION seizure_refresh_filter_arrays(ids uuid[]) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
    IF ncen_refresh_deferred() THEN
        INSERT INTO ncen_deferred_refresh (register, id) SELECT 'case', i FROM unnest(ids) i;
        RETURN 0;
    END IF;
    RETURN seizure_refresh_filter_arrays_now(ids);
END
$$;

ALTER FUNCTION ncen_refresh_last_case(text, uuid[]) RENAME TO ncen_refresh_last_case_now;

CREATE FUNCTION ncen_refresh_last_case(register text, ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ncen_refresh_deferred() THEN
        INSERT INTO ncen_deferred_refresh (register, id) SELECT register, i FROM unnest(ids) i;
        RETURN;
    END IF;
    PERFORM ncen_refresh_last_case_now(register, ids);
END
$$;

CREATE FUNCTION ncen_defer_refresh() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS ncen_deferred_refresh (register text NOT NULL, id uuid NOT NULL)
        ON COMMIT DELETE ROWS;
    PERFORM set_config('ncen.defer_refresh', 'on', true);
END
$$;

CREATE FUNCTION ncen_flush_refresh() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r text;
    ids uuid[];
BEGIN
    PERFORM set_config('ncen.defer_refresh', 'off', true);
    IF to_regclass('pg_temp.ncen_deferred_refresh') IS NULL THEN
        RETURN;
    END IF;
    SELECT array_agg(DISTINCT id) INTO ids FROM ncen_deferred_refresh WHERE register = 'case';
    IF ids IS NOT NULL THEN
        PERFORM seizure_refresh_filter_arrays_now(ids);
    END IF;
    FOREACH r IN ARRAY ARRAY['person', 'company', 'conveyance'] LOOP
        SELECT array_agg(DISTINCT id) INTO ids FROM ncen_deferred_refresh WHERE register = r;
        PERFORM ncen_refresh_last_case_now(r, ids);
    END LOOP;
    DELETE FROM ncen_deferred_refresh;
END
$$;
