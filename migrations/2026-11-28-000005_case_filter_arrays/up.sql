-- The route countries and conveyance types of a case, copied onto the case row so that the
-- list filters on them are one GIN index scan on seizure_cases instead of semi-joins through
-- seizure_route_legs and seizure_case_conveyances (see bench/README.md). Sorted and distinct;
-- rewritten by the application whenever a case's route or conveyance links are written, and
-- for every linked case when a conveyance's type changes.
ALTER TABLE seizure_cases
    ADD COLUMN route_countries text[] NOT NULL DEFAULT '{}',
    ADD COLUMN conveyance_types text[] NOT NULL DEFAULT '{}';

UPDATE seizure_cases c
   SET route_countries = coalesce((SELECT array_agg(DISTINCT l.country COLLATE "C" ORDER BY l.country COLLATE "C")
                                     FROM seizure_route_legs l WHERE l.case_id = c.id), '{}'),
       conveyance_types = coalesce((SELECT array_agg(DISTINCT v.conveyance_type COLLATE "C" ORDER BY v.conveyance_type COLLATE "C")
                                      FROM seizure_case_conveyances l
                                      JOIN conveyances v ON v.id = l.conveyance_id
                                     WHERE l.case_id = c.id), '{}');

-- One multi-column GIN index: a filter on either array, or on both, is one index scan.
CREATE INDEX seizure_cases_filter_arrays_idx ON seizure_cases USING gin (route_countries, conveyance_types);
