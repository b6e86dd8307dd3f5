DROP FUNCTION ncen_grant_runtime(name);
