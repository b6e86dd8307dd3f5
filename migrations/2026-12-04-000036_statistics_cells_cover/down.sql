CREATE INDEX stat_case_cells_dim ON stat_case_cells (dim, commodity_group, day);
DROP INDEX stat_case_cells_cover;
