-- Link analysis across cases (issue 16): the contact points of persons as keys, so that two
-- persons (or a person and a company) giving the same phone, e-mail or address meet in the
-- graph. Companies have theirs in `company_keys`; a phone is keyed by its last nine digits and
-- an e-mail in lower case as there, so that a courier's phone can lead to a company's. A
-- person's address is free text: folded to ASCII lower case without punctuation (at least
-- eight characters: a town alone links too much). Kept by triggers, so every writer (API,
-- demo, imports, merges) keeps them without knowing.

CREATE TABLE person_keys (
    kind text NOT NULL CHECK (kind IN ('phone', 'email', 'address')),
    key text NOT NULL,
    person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, key, person_id)
);
CREATE INDEX person_keys_person ON person_keys (person_id);

CREATE FUNCTION ncen_person_keys_of(p persons) RETURNS TABLE (kind text, key text)
    LANGUAGE sql STABLE AS $$
    SELECT DISTINCT 'phone', right(d, 9)
      FROM unnest(p.phones) ph, regexp_replace(ph, '[^0-9]', '', 'g') d
     WHERE length(d) >= 6
    UNION
    SELECT 'email', lower(btrim(e)) FROM unnest(p.emails) e WHERE btrim(e) <> ''
    UNION
    SELECT 'address', a
      FROM unnest(p.addresses) raw,
           btrim(regexp_replace(lower(unaccent(raw)), '[^a-z0-9]+', ' ', 'g')) a
     WHERE length(a) >= 8
$$;

CREATE FUNCTION ncen_person_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM person_keys WHERE person_id = NEW.id;
    IF NEW.merged_into IS NULL THEN
        INSERT INTO person_keys (kind, key, person_id)
        SELECT k.kind, k.key, NEW.id FROM ncen_person_keys_of(NEW) k;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER person_keys_insert AFTER INSERT ON persons
    FOR EACH ROW EXECUTE FUNCTION ncen_person_keys_sync();
CREATE TRIGGER person_keys_update AFTER UPDATE OF phones, emails, addresses, merged_into ON persons
    FOR EACH ROW EXECUTE FUNCTION ncen_person_keys_sync();

INSERT INTO person_keys (kind, key, person_id)
SELECT k.kind, k.key, p.id FROM persons p CROSS JOIN LATERAL ncen_person_keys_of(p) k
 WHERE p.merged_into IS NULL
ON CONFLICT DO NOTHING;
