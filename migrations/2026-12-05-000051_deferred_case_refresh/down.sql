DROP FUNCTION ncen_flush_refresh();
DROP FUNCTION ncen_defer_refresh();
DROP FUNCTION ncen_refresh_last_case(text, uuid[]);
ALTER FUNCTION ncen_refresh_last_case_now(text, uuid[]) RENAME TO ncen_refresh_last_case;
DROP FUNCTION seizure_refresh_filter_arrays(uuid[]);
ALTER FUNCTION seizure_refresh_filter_arrays_now(uuid[]) RENAME TO seizure_refresh_filter_arrays;
DROP FUNCTION ncen_refresh_deferred();
