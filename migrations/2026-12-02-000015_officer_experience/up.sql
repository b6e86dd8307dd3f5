-- Officer experience (issue 12).

-- 1. Detection methods appear once: the three flags were duplicates of codes of the
--    `detection_methods` list. Each set flag becomes its code (once), then the flags go.
UPDATE seizure_cases SET detection_methods = detection_methods || ARRAY['risk_profiling']
WHERE risk_profiling AND NOT ('risk_profiling' = ANY (detection_methods));
UPDATE seizure_cases SET detection_methods = detection_methods || ARRAY['intelligence']
WHERE intelligence_led AND NOT ('intelligence' = ANY (detection_methods));
UPDATE seizure_cases SET detection_methods = detection_methods || ARRAY['watch_list_hit']
WHERE watch_list_hit AND NOT ('watch_list_hit' = ANY (detection_methods));
ALTER TABLE seizure_cases
    DROP COLUMN risk_profiling,
    DROP COLUMN intelligence_led,
    DROP COLUMN watch_list_hit;

-- 2. Currencies: active ISO 4217 currencies only. Test and "no currency" codes, bond-market
--    units, precious metals, special drawing rights and fund codes are retired (they stay
--    valid on records that already use them, as every retired entry does).
UPDATE codelist_entries SET retired_at = now()
WHERE list_name = 'currencies' AND retired_at IS NULL AND code IN (
    'XTS', 'XXX', 'XBA', 'XBB', 'XBC', 'XBD', 'XAU', 'XAG', 'XPD', 'XPT', 'XDR', 'XSU', 'XUA',
    'XAD', 'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW');
-- Two active Venezuelan codes carried the same name; the digital one says so.
UPDATE codelist_entries SET labels = labels || '{"en": "Digital bolívar", "fr": "Bolivar numérique"}'::jsonb
WHERE list_name = 'currencies' AND code = 'VED';

-- 3. Notifications of the case workflow: a case sent back for correction, a case reopened.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue', 'case_returned', 'case_reopened'));

-- 4. A phone number or an e-mail address finds the person who carries it: each person's
--    contacts as comparable keys — `tel:` the digits without leading zeros, `tel9:` the last
--    nine digits (so "06 12 34 56 78" meets "+33 6 12 34 56 78"), `mail:` the address in lower
--    case — in a GIN index. A search computes the same keys from what was typed.
CREATE FUNCTION ncen_contact_keys(phones text[], emails text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT k), '{}') FROM (
        SELECT 'tel:' || ltrim(d, '0') AS k
        FROM unnest(phones) p, regexp_replace(p, '\D', '', 'g') d WHERE length(d) >= 6
        UNION ALL
        SELECT 'tel9:' || right(d, 9)
        FROM unnest(phones) p, regexp_replace(p, '\D', '', 'g') d WHERE length(d) >= 9
        UNION ALL
        SELECT 'mail:' || lower(btrim(e)) FROM unnest(emails) e WHERE btrim(e) ~ '^[^@\s]+@[^@\s]+$'
    ) x
$$;
CREATE INDEX persons_contacts ON persons USING gin (ncen_contact_keys(phones, emails));

-- 5. Duplicate warnings (`POST /persons/duplicates`, `POST /companies/duplicates`): a company's
--    identifiers compared without spaces, dots, hyphens or case, and its exact name (folded),
--    each by an index.
CREATE FUNCTION ncen_ident(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT nullif(upper(regexp_replace(value, '[^[:alnum:]]', '', 'g')), '')
$$;
CREATE INDEX companies_registration_ident ON companies (ncen_ident(registration_number));
CREATE INDEX companies_tax_ident ON companies (ncen_ident(tax_id));
CREATE INDEX companies_eori_ident ON companies (ncen_ident(eori));
CREATE INDEX companies_name_folded ON companies (ncen_fold(name));
