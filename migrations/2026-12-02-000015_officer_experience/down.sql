ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
DELETE FROM notifications WHERE kind IN ('case_returned', 'case_reopened');
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue'));
UPDATE codelist_entries SET retired_at = NULL
WHERE list_name = 'currencies' AND code IN (
    'XTS', 'XXX', 'XBA', 'XBB', 'XBC', 'XBD', 'XAU', 'XAG', 'XPD', 'XPT', 'XDR', 'XSU', 'XUA',
    'XAD', 'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW');
UPDATE codelist_entries SET labels = labels || '{"en": "Bolívar Soberano", "fr": "Bolivar souverain"}'::jsonb
WHERE list_name = 'currencies' AND code = 'VED';
ALTER TABLE seizure_cases
    ADD COLUMN risk_profiling boolean NOT NULL DEFAULT false,
    ADD COLUMN intelligence_led boolean NOT NULL DEFAULT false,
    ADD COLUMN watch_list_hit boolean NOT NULL DEFAULT false;
UPDATE seizure_cases SET risk_profiling = 'risk_profiling' = ANY (detection_methods),
    intelligence_led = 'intelligence' = ANY (detection_methods),
    watch_list_hit = 'watch_list_hit' = ANY (detection_methods);
DROP INDEX persons_contacts;
DROP FUNCTION ncen_contact_keys(text[], text[]);
DROP INDEX companies_registration_ident, companies_tax_ident, companies_eori_ident, companies_name_folded;
DROP FUNCTION ncen_ident(text);
