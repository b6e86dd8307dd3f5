DROP INDEX seizure_cases_filter_arrays_idx;
ALTER TABLE seizure_cases DROP COLUMN conveyance_types, DROP COLUMN route_countries;
