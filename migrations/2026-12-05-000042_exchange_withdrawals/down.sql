DROP TABLE received_withdrawals;
ALTER TABLE exchange_inbox DROP COLUMN withdraws, DROP COLUMN kind;
DROP INDEX exchange_outbox_withdraws;
ALTER TABLE exchange_outbox DROP COLUMN withdraws, DROP COLUMN kind;
