-- Matching keys (issue 13): what the matching engine (crate `ncen-matching`) computes from a
-- person's or company's names, stored so PostgreSQL finds candidates through an index and Rust
-- scores only those.
--   match_latin    the names' tokens in Latin (any script transliterated): trigram index;
--   match_keys     phonetic codes, sorted pairs of codes, consonant skeletons: GIN index;
--   match_version  the engine version that wrote them; 0 = to compute. The server computes
--                  them on every create and update; `ncen reindex names` (run by `ncen
--                  migrate`) fills rows written by bulk paths or an older engine.
ALTER TABLE persons
    ADD COLUMN match_latin text NOT NULL DEFAULT '',
    ADD COLUMN match_keys text[] NOT NULL DEFAULT '{}',
    ADD COLUMN match_version smallint NOT NULL DEFAULT 0;
CREATE INDEX persons_match_keys_idx ON persons USING gin (match_keys);
CREATE INDEX persons_match_latin_idx ON persons USING gin (match_latin gin_trgm_ops);
CREATE INDEX persons_match_version_idx ON persons (match_version, id);

ALTER TABLE companies
    ADD COLUMN match_latin text NOT NULL DEFAULT '',
    ADD COLUMN match_keys text[] NOT NULL DEFAULT '{}',
    ADD COLUMN match_version smallint NOT NULL DEFAULT 0;
CREATE INDEX companies_match_keys_idx ON companies USING gin (match_keys);
CREATE INDEX companies_match_latin_idx ON companies USING gin (match_latin gin_trgm_ops);
CREATE INDEX companies_match_version_idx ON companies (match_version, id);

-- A name changed by a path that did not recompute the keys (SQL by hand, a bulk load) marks
-- the row to compute again, so stale keys never hide a record from matching for long.
CREATE FUNCTION ncen_match_keys_stale() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.match_keys IS NOT DISTINCT FROM OLD.match_keys
       AND NEW.match_latin IS NOT DISTINCT FROM OLD.match_latin
       AND (to_jsonb(NEW) -> TG_ARGV[0]) IS DISTINCT FROM (to_jsonb(OLD) -> TG_ARGV[0]) THEN
        NEW.match_version := 0;
    END IF;
    RETURN NEW;
END;
$$;

-- one trigger per name column, so each compares only its own column
CREATE TRIGGER persons_match_family BEFORE UPDATE OF family_name ON persons
    FOR EACH ROW EXECUTE FUNCTION ncen_match_keys_stale('family_name');
CREATE TRIGGER persons_match_given BEFORE UPDATE OF given_names ON persons
    FOR EACH ROW EXECUTE FUNCTION ncen_match_keys_stale('given_names');
CREATE TRIGGER persons_match_aliases BEFORE UPDATE OF aliases ON persons
    FOR EACH ROW EXECUTE FUNCTION ncen_match_keys_stale('aliases');
CREATE TRIGGER persons_match_original BEFORE UPDATE OF original_script_name ON persons
    FOR EACH ROW EXECUTE FUNCTION ncen_match_keys_stale('original_script_name');
CREATE TRIGGER companies_match_name BEFORE UPDATE OF name ON companies
    FOR EACH ROW EXECUTE FUNCTION ncen_match_keys_stale('name');
CREATE TRIGGER companies_match_aliases BEFORE UPDATE OF aliases ON companies
    FOR EACH ROW EXECUTE FUNCTION ncen_match_keys_stale('aliases');

-- Computing keys changes no fact a case document shows: leave case documents fresh.
CREATE OR REPLACE FUNCTION ncen_case_documents_on_records() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO changed;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO changed;
    ELSIF TG_TABLE_NAME IN ('persons', 'companies', 'conveyances') THEN
        SELECT array_agg(n.id) INTO changed
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE to_jsonb(n) - ARRAY['last_case_at', 'match_latin', 'match_keys', 'match_version']
               IS DISTINCT FROM to_jsonb(o) - ARRAY['last_case_at', 'match_latin', 'match_keys', 'match_version'];
    ELSE
        EXECUTE format('SELECT array_agg(DISTINCT k) FROM (SELECT %1$I AS k FROM new_rows UNION SELECT %1$I FROM old_rows) x', TG_ARGV[0])
            INTO changed;
    END IF;
    IF changed IS NOT NULL THEN
        EXECUTE format('SELECT ncen_case_documents_stale(ARRAY(SELECT DISTINCT case_id FROM %I WHERE %I = ANY($1)))',
                       TG_ARGV[1], TG_ARGV[2])
            USING changed;
    END IF;
    RETURN NULL;
END;
$$;
