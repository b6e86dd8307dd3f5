DROP TRIGGER conveyance_type_changed ON conveyances;
DROP FUNCTION seizure_conveyance_type_changed();
DROP FUNCTION seizure_refresh_filter_arrays(uuid[]);
