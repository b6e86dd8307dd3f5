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
DELETE FROM codelist_entries WHERE list_name IN ('legal_forms', 'fraud_typologies');
DELETE FROM codelists WHERE name IN ('legal_forms', 'fraud_typologies');
UPDATE codelist_entries SET attributes = attributes - 'risk_points' WHERE list_name = 'commodity_groups';
DROP TRIGGER seizure_goods_company_risk ON seizure_goods;
DROP TRIGGER investigations_company_risk ON investigations;
DROP TRIGGER alert_hits_company_risk ON alert_hits;
DROP TRIGGER investigation_links_company_risk ON investigation_links;
DROP TRIGGER alerts_company_risk ON alerts;
DROP TRIGGER seizure_case_companies_risk ON seizure_case_companies;
DROP FUNCTION company_risk_goods_changed();
DROP FUNCTION company_risk_investigation_changed();
DROP FUNCTION company_risk_hit_changed();
DROP FUNCTION company_risk_link_changed();
DROP FUNCTION company_risk_case_changed();
DROP FUNCTION company_risk_enqueue(uuid[]);
DROP TABLE company_risk_queue, company_flags, company_typologies, company_relations,
    company_people, company_keys;
DROP INDEX companies_status;
DROP INDEX companies_risk;
ALTER TABLE companies
    DROP COLUMN legal_form, DROP COLUMN status_since, DROP COLUMN incorporated_on,
    DROP COLUMN incorporation_country, DROP COLUMN former_names, DROP COLUMN identifiers,
    DROP COLUMN phones, DROP COLUMN emails, DROP COLUMN websites, DROP COLUMN hs_chapters,
    DROP COLUMN trade_countries, DROP COLUMN risk_score, DROP COLUMN risk_own, DROP COLUMN risk_explanation,
    DROP COLUMN risk_at;
ALTER TABLE companies ADD COLUMN lines text[] NOT NULL DEFAULT '{}';
UPDATE companies c SET lines = ARRAY(SELECT a->>'street' FROM jsonb_array_elements(c.addresses) a
                                      WHERE a ? 'street');
ALTER TABLE companies DROP COLUMN addresses;
ALTER TABLE companies RENAME COLUMN lines TO addresses;
ALTER TABLE companies ADD CONSTRAINT companies_addresses_no_nulls
    CHECK (array_position(addresses, NULL) IS NULL);
ALTER TABLE companies DROP CONSTRAINT companies_status_known;
UPDATE companies SET status = 'inactive' WHERE status IN ('dormant', 'deregistered');
ALTER TABLE companies ADD CONSTRAINT companies_status_known
    CHECK (status IN ('active', 'inactive', 'dissolved', 'unknown'));
