DROP TABLE audit_seal_state;
