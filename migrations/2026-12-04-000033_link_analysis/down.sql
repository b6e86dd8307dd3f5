DROP TRIGGER person_keys_update ON persons;
DROP TRIGGER person_keys_insert ON persons;
DROP FUNCTION ncen_person_keys_sync();
DROP FUNCTION ncen_person_keys_of(persons);
DROP TABLE person_keys;
