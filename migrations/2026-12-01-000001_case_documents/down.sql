DROP TRIGGER users_documents_rename ON users;
DROP TRIGGER units_documents_rename ON units;
DROP FUNCTION ncen_case_documents_on_names();
DROP TRIGGER conveyances_documents_update ON conveyances;
DROP TRIGGER companies_documents_update ON companies;
DROP TRIGGER person_documents_documents_delete ON person_documents;
DROP TRIGGER person_documents_documents_update ON person_documents;
DROP TRIGGER person_documents_documents_insert ON person_documents;
DROP TRIGGER persons_documents_update ON persons;
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['seizure_goods', 'seizure_route_legs', 'seizure_case_persons',
                             'seizure_case_companies', 'seizure_case_conveyances', 'seizure_attachments'] LOOP
        EXECUTE format('DROP TRIGGER %1$s_documents_insert ON %1$I', t);
        EXECUTE format('DROP TRIGGER %1$s_documents_update ON %1$I', t);
        EXECUTE format('DROP TRIGGER %1$s_documents_delete ON %1$I', t);
    END LOOP;
END;
$$;
DROP FUNCTION ncen_case_documents_on_records();
DROP FUNCTION ncen_case_documents_on_children();
DROP TRIGGER seizure_cases_documents_update ON seizure_cases;
DROP TRIGGER seizure_cases_documents_insert ON seizure_cases;
DROP FUNCTION ncen_case_documents_on_cases();
DROP FUNCTION ncen_case_documents_stale(uuid[]);
DROP TABLE seizure_case_documents;
