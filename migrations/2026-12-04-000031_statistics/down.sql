DROP TRIGGER codelist_entries_stats ON codelist_entries;
DROP FUNCTION ncen_stat_on_rate();
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['seizure_cases', 'seizure_goods', 'seizure_route_legs'] LOOP
        EXECUTE format('DROP TRIGGER %1$s_stats_insert ON %1$I', t);
        EXECUTE format('DROP TRIGGER %1$s_stats_update ON %1$I', t);
        EXECUTE format('DROP TRIGGER %1$s_stats_delete ON %1$I', t);
    END LOOP;
END
$$;
DROP FUNCTION ncen_stat_on_new();
DROP FUNCTION ncen_stat_on_old();
DROP FUNCTION ncen_stat_enqueue(uuid[]);
DROP FUNCTION ncen_stat_apply(uuid[]);
DROP FUNCTION ncen_stat_rebuild();
DROP FUNCTION ncen_stat_cells(uuid[]);
DROP AGGREGATE ncen_qty_sum(jsonb);
DROP FUNCTION ncen_qty_neg(jsonb);
DROP FUNCTION ncen_qty_add(jsonb, jsonb);
DROP INDEX seizure_goods_currency;
DROP TABLE stat_monthly;
DROP TABLE stat_daily;
DROP TABLE stat_case_cells;
DROP TABLE stat_queue;
UPDATE codelist_entries SET attributes = attributes - 'eur_rate' WHERE list_name = 'currencies';
