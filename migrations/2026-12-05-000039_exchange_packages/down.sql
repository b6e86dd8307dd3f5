DROP TRIGGER exchange_outbox_notify ON exchange_outbox;
DROP FUNCTION ncen_exchange_outbox_notify();
DROP TABLE exchange_inbox;
DROP TABLE exchange_outbox;
