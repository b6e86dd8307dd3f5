ALTER TABLE exchange_inbox DROP COLUMN review_note;
DROP TABLE received_parties;
DROP TABLE received_case_versions;
DROP TABLE received_cases;
