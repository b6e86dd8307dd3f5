-- The company database (issue 15): a company's names, legal form, status with its date,
-- structured addresses, contact details, identifiers of every kind with their country, trade
-- profile; the people who run and own it, its relations with other companies, fraud
-- typologies recorded against its cases and investigations, manual risk flags and its risk
-- score with the explanation of every contribution.

-- Statuses of the register: `inactive` becomes `dormant`; `deregistered` is new; `unknown`
-- stays for a company entered at a seizure whose register status nobody knows.
ALTER TABLE companies DROP CONSTRAINT companies_status_known;
UPDATE companies SET status = 'dormant' WHERE status = 'inactive';
ALTER TABLE companies ADD CONSTRAINT companies_status_known
    CHECK (status IN ('active', 'dormant', 'dissolved', 'deregistered', 'unknown'));

-- Structured addresses replace the free-text lines (each old line becomes the street of an
-- address of unknown type).
ALTER TABLE companies ADD COLUMN locations jsonb NOT NULL DEFAULT '[]';
UPDATE companies c
   SET locations = (SELECT coalesce(jsonb_agg(jsonb_build_object('street', a)), '[]')
                      FROM unnest(c.addresses) a)
 WHERE cardinality(c.addresses) > 0;
ALTER TABLE companies DROP COLUMN addresses;
ALTER TABLE companies RENAME COLUMN locations TO addresses;

ALTER TABLE companies
    ADD COLUMN legal_form text,
    ADD COLUMN status_since date,
    ADD COLUMN incorporated_on date,
    ADD COLUMN incorporation_country text,
    ADD COLUMN former_names jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN identifiers jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN phones text[] NOT NULL DEFAULT '{}',
    ADD COLUMN emails text[] NOT NULL DEFAULT '{}',
    ADD COLUMN websites text[] NOT NULL DEFAULT '{}',
    ADD COLUMN hs_chapters text[] NOT NULL DEFAULT '{}',
    ADD COLUMN trade_countries text[] NOT NULL DEFAULT '{}',
    ADD COLUMN risk_score integer NOT NULL DEFAULT 0,
    ADD COLUMN risk_own integer NOT NULL DEFAULT 0,
    ADD COLUMN risk_explanation jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN risk_at timestamptz;
CREATE INDEX companies_risk ON companies (risk_score DESC, id) WHERE merged_into IS NULL;
CREATE INDEX companies_status ON companies (status);

-- Every identifier and contact point of a company, normalised, one row each: the duplicate
-- flags ("this VAT number is also on …") and the computed links (shared address, phone,
-- e-mail, bank account) are look-ups here. Written with the company, from its document.
CREATE TABLE company_keys (
    kind text NOT NULL CHECK (kind IN ('eori', 'vat', 'registration', 'tax', 'lei', 'iban', 'aeo',
                                        'address', 'phone', 'email', 'website')),
    key text NOT NULL,
    company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, key, company_id)
);
CREATE INDEX company_keys_of ON company_keys (company_id);

-- People: a person's role in a company, for a period.
CREATE TABLE company_people (
    id uuid PRIMARY KEY,
    company_id uuid NOT NULL REFERENCES companies (id),
    person_id uuid NOT NULL REFERENCES persons (id),
    role text NOT NULL CHECK (role IN ('director', 'shareholder', 'beneficial_owner',
                                        'representative', 'employee', 'customs_broker')),
    share_percent double precision CHECK (share_percent > 0 AND share_percent <= 100),
    valid_from date,
    valid_until date,
    note text,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
    CHECK (share_percent IS NULL OR role IN ('shareholder', 'beneficial_owner'))
);
CREATE INDEX company_people_of ON company_people (company_id);
CREATE INDEX company_people_person ON company_people (person_id);

-- Relations between companies, stored one way: `company_id` is the parent of / successor of /
-- agent of / in the same group as `other_id`.
CREATE TABLE company_relations (
    id uuid PRIMARY KEY,
    company_id uuid NOT NULL REFERENCES companies (id),
    kind text NOT NULL CHECK (kind IN ('parent_of', 'same_group', 'successor_of', 'agent_of')),
    other_id uuid NOT NULL REFERENCES companies (id),
    share_percent double precision CHECK (share_percent > 0 AND share_percent <= 100),
    valid_from date,
    valid_until date,
    note text,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (company_id <> other_id),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
    CHECK (share_percent IS NULL OR kind = 'parent_of')
);
CREATE INDEX company_relations_of ON company_relations (company_id);
CREATE INDEX company_relations_other ON company_relations (other_id);

-- Fraud typologies recorded against the company's part in a case or an investigation.
CREATE TABLE company_typologies (
    id uuid PRIMARY KEY,
    company_id uuid NOT NULL REFERENCES companies (id),
    typology text NOT NULL,
    case_id uuid REFERENCES seizure_cases (id),
    investigation_id uuid REFERENCES investigations (id),
    note text,
    recorded_by uuid NOT NULL REFERENCES users (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((case_id IS NULL) <> (investigation_id IS NULL))
);
CREATE INDEX company_typologies_of ON company_typologies (company_id);
CREATE UNIQUE INDEX company_typologies_once ON company_typologies
    (company_id, typology, coalesce(case_id, investigation_id));

-- Manual risk flags: an analyst's points (up or down) with the reason.
CREATE TABLE company_flags (
    id uuid PRIMARY KEY,
    company_id uuid NOT NULL REFERENCES companies (id),
    points integer NOT NULL CHECK (points BETWEEN -50 AND 50 AND points <> 0),
    reason text NOT NULL,
    set_by uuid NOT NULL REFERENCES users (id),
    set_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_flags_of ON company_flags (company_id);

-- Companies whose risk must be recomputed: filled by the triggers below whenever an input
-- changes (a case names or stops naming it, an alert or a hit on it, an investigation link),
-- drained by the risk worker on any instance (`NOTIFY company_risk`).
CREATE TABLE company_risk_queue (
    company_id uuid PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    queued_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION company_risk_enqueue(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO company_risk_queue (company_id)
    SELECT DISTINCT unnest(ids) ON CONFLICT DO NOTHING;
    SELECT pg_notify('company_risk', '');
$$;

CREATE FUNCTION company_risk_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM company_risk_enqueue(ARRAY[NEW.company_id]);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM company_risk_enqueue(ARRAY[OLD.company_id]);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER seizure_case_companies_risk AFTER INSERT OR UPDATE OR DELETE ON seizure_case_companies
    FOR EACH ROW EXECUTE FUNCTION company_risk_case_changed();

-- Tables whose row names a company in a nullable `company_id` (alerts, investigation links).
CREATE FUNCTION company_risk_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.company_id IS NOT NULL THEN
        PERFORM company_risk_enqueue(ARRAY[NEW.company_id]);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.company_id IS NOT NULL THEN
        PERFORM company_risk_enqueue(ARRAY[OLD.company_id]);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER alerts_company_risk AFTER INSERT OR UPDATE OF status, company_id, risk_level
    OR DELETE ON alerts FOR EACH ROW EXECUTE FUNCTION company_risk_link_changed();
CREATE TRIGGER investigation_links_company_risk AFTER INSERT OR UPDATE OR DELETE
    ON investigation_links FOR EACH ROW EXECUTE FUNCTION company_risk_link_changed();

-- A hit on a company, found or reviewed.
CREATE FUNCTION company_risk_hit_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.record_kind = 'company' THEN
        PERFORM company_risk_enqueue(ARRAY[NEW.record_id]);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER alert_hits_company_risk AFTER INSERT OR UPDATE OF status ON alert_hits
    FOR EACH ROW EXECUTE FUNCTION company_risk_hit_changed();

-- An investigation closing (its outcome counts) or a case's goods changing (seriousness,
-- value): every company it names.
CREATE FUNCTION company_risk_investigation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM company_risk_enqueue(array_agg(company_id))
       FROM investigation_links WHERE investigation_id = NEW.id AND company_id IS NOT NULL
      HAVING count(*) > 0;
    RETURN NULL;
END
$$;
CREATE TRIGGER investigations_company_risk AFTER UPDATE OF status, outcome ON investigations
    FOR EACH ROW EXECUTE FUNCTION company_risk_investigation_changed();

CREATE FUNCTION company_risk_goods_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
BEGIN
    PERFORM company_risk_enqueue(array_agg(company_id))
       FROM seizure_case_companies WHERE case_id = c
      HAVING count(*) > 0;
    RETURN NULL;
END
$$;
CREATE TRIGGER seizure_goods_company_risk AFTER INSERT OR UPDATE OR DELETE ON seizure_goods
    FOR EACH ROW EXECUTE FUNCTION company_risk_goods_changed();

-- Code lists: legal forms by country (the code is the normalised form matching compares),
-- fraud typologies, and the risk points of each commodity group (administrable).
INSERT INTO codelists (name, description, parent_list) VALUES
  ('legal_forms', 'Legal forms of companies, by country (attribute country)', NULL),
  ('fraud_typologies', 'Typologies of customs fraud recorded against companies', NULL);

INSERT INTO codelist_entries (list_name, code, labels, attributes, sort_order)
SELECT 'legal_forms', lower(c || '_' || trim(BOTH '_' FROM regexp_replace(abbr, '[^A-Za-z0-9]+', '_', 'g'))),
       jsonb_build_object('en', abbr || ' — ' || en, 'fr', abbr || ' — ' || fr),
       jsonb_build_object('country', c, 'abbreviation', abbr), n * 10
  FROM (VALUES
    ('FR', 'SA', 'Public limited company', 'Société anonyme', 1),
    ('FR', 'SAS', 'Simplified joint-stock company', 'Société par actions simplifiée', 2),
    ('FR', 'SASU', 'Single-member simplified joint-stock company', 'Société par actions simplifiée unipersonnelle', 3),
    ('FR', 'SARL', 'Private limited company', 'Société à responsabilité limitée', 4),
    ('FR', 'EURL', 'Single-member private limited company', 'Entreprise unipersonnelle à responsabilité limitée', 5),
    ('FR', 'SNC', 'General partnership', 'Société en nom collectif', 6),
    ('FR', 'SCI', 'Real-estate partnership', 'Société civile immobilière', 7),
    ('FR', 'EI', 'Sole trader', 'Entreprise individuelle', 8),
    ('DE', 'GmbH', 'Private limited company', 'Société à responsabilité limitée', 1),
    ('DE', 'UG', 'Entrepreneurial company (limited liability)', 'Société entrepreneuriale (responsabilité limitée)', 2),
    ('DE', 'AG', 'Public limited company', 'Société anonyme', 3),
    ('DE', 'KG', 'Limited partnership', 'Société en commandite', 4),
    ('DE', 'OHG', 'General partnership', 'Société en nom collectif', 5),
    ('DE', 'GmbH & Co. KG', 'Limited partnership with a limited company as general partner', 'Société en commandite avec une SARL commanditée', 6),
    ('DE', 'e.K.', 'Registered sole trader', 'Commerçant inscrit', 7),
    ('GB', 'Ltd', 'Private limited company', 'Société à responsabilité limitée', 1),
    ('GB', 'PLC', 'Public limited company', 'Société anonyme cotée', 2),
    ('GB', 'LLP', 'Limited liability partnership', 'Société de personnes à responsabilité limitée', 3),
    ('GB', 'LP', 'Limited partnership', 'Société en commandite', 4),
    ('IT', 'S.p.A.', 'Public limited company', 'Société anonyme', 1),
    ('IT', 'S.r.l.', 'Private limited company', 'Société à responsabilité limitée', 2),
    ('IT', 'S.a.s.', 'Limited partnership', 'Société en commandite simple', 3),
    ('IT', 'S.n.c.', 'General partnership', 'Société en nom collectif', 4),
    ('ES', 'S.A.', 'Public limited company', 'Société anonyme', 1),
    ('ES', 'S.L.', 'Private limited company', 'Société à responsabilité limitée', 2),
    ('ES', 'S.L.U.', 'Single-member private limited company', 'Société unipersonnelle à responsabilité limitée', 3),
    ('NL', 'B.V.', 'Private limited company', 'Société à responsabilité limitée', 1),
    ('NL', 'N.V.', 'Public limited company', 'Société anonyme', 2),
    ('NL', 'V.O.F.', 'General partnership', 'Société en nom collectif', 3),
    ('BE', 'SA/NV', 'Public limited company', 'Société anonyme', 1),
    ('BE', 'SRL/BV', 'Private limited company', 'Société à responsabilité limitée', 2),
    ('BE', 'SC/CV', 'Cooperative company', 'Société coopérative', 3),
    ('PL', 'sp. z o.o.', 'Private limited company', 'Société à responsabilité limitée', 1),
    ('PL', 'S.A.', 'Public limited company', 'Société anonyme', 2),
    ('PL', 'sp.k.', 'Limited partnership', 'Société en commandite', 3),
    ('PL', 'sp.j.', 'General partnership', 'Société en nom collectif', 4),
    ('US', 'LLC', 'Limited liability company', 'Société à responsabilité limitée', 1),
    ('US', 'Inc.', 'Corporation', 'Société par actions', 2),
    ('CN', 'Co., Ltd.', 'Limited liability company', 'Société à responsabilité limitée', 1),
    ('HK', 'Limited', 'Private company limited by shares', 'Société privée à responsabilité limitée', 1),
    ('AE', 'LLC', 'Limited liability company', 'Société à responsabilité limitée', 1),
    ('AE', 'FZE', 'Free-zone establishment', 'Établissement de zone franche', 2),
    ('AE', 'FZCO', 'Free-zone company', 'Société de zone franche', 3),
    ('TR', 'A.Ş.', 'Joint-stock company', 'Société anonyme', 1),
    ('TR', 'Ltd. Şti.', 'Limited company', 'Société à responsabilité limitée', 2),
    ('MA', 'SARL', 'Private limited company', 'Société à responsabilité limitée', 1),
    ('MA', 'SA', 'Public limited company', 'Société anonyme', 2),
    ('SN', 'SARL', 'Private limited company', 'Société à responsabilité limitée', 1),
    ('SN', 'SA', 'Public limited company', 'Société anonyme', 2),
    ('SN', 'SUARL', 'Single-member private limited company', 'Société unipersonnelle à responsabilité limitée', 3),
    ('NG', 'Ltd', 'Private limited company', 'Société à responsabilité limitée', 1),
    ('NG', 'PLC', 'Public limited company', 'Société anonyme cotée', 2),
    ('CI', 'SARL', 'Private limited company', 'Société à responsabilité limitée', 1),
    ('CI', 'SA', 'Public limited company', 'Société anonyme', 2)
  ) AS f (c, abbr, en, fr, n);

INSERT INTO codelist_entries (list_name, code, labels, sort_order) VALUES
  ('fraud_typologies', 'undervaluation', '{"en": "Undervaluation", "fr": "Sous-évaluation"}', 10),
  ('fraud_typologies', 'misclassification', '{"en": "Misclassification", "fr": "Fausse classification tarifaire"}', 20),
  ('fraud_typologies', 'origin_fraud', '{"en": "Origin fraud", "fr": "Fraude à l''origine"}', 30),
  ('fraud_typologies', 'ipr_infringement', '{"en": "IPR infringement", "fr": "Atteinte aux droits de propriété intellectuelle"}', 40),
  ('fraud_typologies', 'smuggling_front', '{"en": "Smuggling front", "fr": "Société écran de contrebande"}', 50),
  ('fraud_typologies', 'missing_trader', '{"en": "Missing trader / carousel", "fr": "Opérateur défaillant / carrousel"}', 60),
  ('fraud_typologies', 'phoenix', '{"en": "Phoenix company", "fr": "Société phénix"}', 70),
  ('fraud_typologies', 'excise_diversion', '{"en": "Excise diversion", "fr": "Détournement de produits soumis à accises"}', 80),
  ('fraud_typologies', 'sanctions_evasion', '{"en": "Sanctions evasion", "fr": "Contournement de sanctions"}', 90);

UPDATE codelist_entries SET attributes = attributes || jsonb_build_object('risk_points', p)
  FROM (VALUES ('drugs', 12), ('weapons', 12), ('nuclear', 12), ('strategic_goods', 12),
               ('precursors', 10), ('cultural_heritage', 10), ('wildlife', 8), ('currency', 8),
               ('tobacco', 6), ('alcohol', 6), ('ipr', 6), ('medicines', 6),
               ('hazardous_waste', 6), ('timber', 5), ('other_fraud', 5)) AS v (code, p)
 WHERE list_name = 'commodity_groups' AND codelist_entries.code = v.code;

-- A company's risk moves with other data and is not part of the company a case shows:
-- recomputing it leaves case documents fresh.
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
         WHERE to_jsonb(n) - ARRAY['last_case_at', 'match_latin', 'match_keys', 'match_version', 'risk_score', 'risk_own', 'risk_explanation', 'risk_at']
               IS DISTINCT FROM to_jsonb(o) - ARRAY['last_case_at', 'match_latin', 'match_keys', 'match_version', 'risk_score', 'risk_own', 'risk_explanation', 'risk_at'];
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

-- Every existing company is scored once.
INSERT INTO company_risk_queue (company_id) SELECT id FROM companies WHERE merged_into IS NULL;

-- Every company's keys (`company_keys`) are written by the next keys pass (`ncen migrate`,
-- `serve`, `demo`): its stored matching keys are marked stale, which also recomputes them
-- with the former names and structured addresses.
UPDATE companies SET match_version = 0;
