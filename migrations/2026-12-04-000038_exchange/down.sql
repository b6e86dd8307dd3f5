DROP TABLE cen_export_items;
DROP TABLE cen_export_batches;
DROP TABLE exchange_agreements;
DROP TABLE exchange_partners;
