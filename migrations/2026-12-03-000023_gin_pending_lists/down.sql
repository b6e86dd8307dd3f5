DO $$
DECLARE
    ix regclass;
BEGIN
    FOR ix IN SELECT c.oid::regclass FROM pg_class c
                JOIN pg_am a ON a.oid = c.relam
                JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE a.amname = 'gin' AND n.nspname = 'public'
    LOOP
        EXECUTE format('ALTER INDEX %s RESET (gin_pending_list_limit)', ix);
    END LOOP;
END;
$$;
