-- Duplicates and merges of register records (issue 13).
--
-- A merged record stays, marked with the survivor it was merged into, so its id still
-- resolves; its links, documents and aliases move to the survivor. Each merge keeps what it
-- changed, so a supervisor can undo it exactly: both records back as they were, the links the
-- merge moved back on the merged record, and links made since on the side they were made to.

ALTER TABLE persons ADD COLUMN merged_into uuid REFERENCES persons (id);
ALTER TABLE companies ADD COLUMN merged_into uuid REFERENCES companies (id);
CREATE INDEX persons_merged_into ON persons (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX companies_merged_into ON companies (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE register_merges (
    id uuid PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('person', 'company')),
    survivor_id uuid NOT NULL,
    merged_id uuid NOT NULL,
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    merged_by uuid NOT NULL REFERENCES users (id),
    merged_at timestamptz NOT NULL DEFAULT now(),
    -- the two records' fields (as the API shows them) and versions before the merge
    survivor_before jsonb NOT NULL,
    merged_before jsonb NOT NULL,
    -- the survivor's version the merge produced: an untouched survivor is restored whole
    survivor_version int NOT NULL,
    -- what the merge added to the survivor and moved: {added: {...}, links: [...],
    -- dropped_links: [...], alerts: [...]}
    moved jsonb NOT NULL,
    undone_by uuid REFERENCES users (id),
    undone_at timestamptz,
    undo_reason text CHECK (undo_reason IS NULL OR length(undo_reason) BETWEEN 1 AND 2000),
    CHECK (survivor_id <> merged_id),
    CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);
CREATE UNIQUE INDEX register_merges_in_force ON register_merges (kind, merged_id) WHERE undone_at IS NULL;
CREATE INDEX register_merges_survivor ON register_merges (kind, survivor_id, merged_at DESC);
CREATE INDEX register_merges_merged ON register_merges (kind, merged_id, merged_at DESC);

-- A case link made naming a merged record lands on its survivor (whatever path made it: the
-- API, an import, SQL); which ones, so an undo puts them back on the merged record.
CREATE TABLE register_merge_redirects (
    merge_id uuid NOT NULL REFERENCES register_merges (id),
    case_id uuid NOT NULL,
    role text NOT NULL,
    PRIMARY KEY (merge_id, case_id, role)
);

CREATE FUNCTION ncen_merge_redirect() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    kind text := TG_ARGV[0];
    target uuid;
    survivor uuid;
    merge uuid;
    depth int := 0;
BEGIN
    IF kind = 'person' THEN
        target := NEW.person_id;
    ELSE
        target := NEW.company_id;
    END IF;
    LOOP
        IF kind = 'person' THEN
            SELECT merged_into INTO survivor FROM persons WHERE id = target;
        ELSE
            SELECT merged_into INTO survivor FROM companies WHERE id = target;
        END IF;
        EXIT WHEN survivor IS NULL OR depth > 20;
        IF merge IS NULL THEN
            SELECT id INTO merge FROM register_merges
             WHERE register_merges.kind = TG_ARGV[0] AND merged_id = target AND undone_at IS NULL;
        END IF;
        target := survivor;
        depth := depth + 1;
    END LOOP;
    IF merge IS NULL THEN
        RETURN NEW;
    END IF;
    IF kind = 'person' THEN
        IF EXISTS (SELECT 1 FROM seizure_case_persons
                    WHERE case_id = NEW.case_id AND person_id = target AND role = NEW.role) THEN
            RETURN NULL;
        END IF;
        NEW.person_id := target;
    ELSE
        IF EXISTS (SELECT 1 FROM seizure_case_companies
                    WHERE case_id = NEW.case_id AND company_id = target AND role = NEW.role) THEN
            RETURN NULL;
        END IF;
        NEW.company_id := target;
    END IF;
    INSERT INTO register_merge_redirects (merge_id, case_id, role)
    VALUES (merge, NEW.case_id, NEW.role) ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;

CREATE TRIGGER case_persons_merge_redirect BEFORE INSERT ON seizure_case_persons
    FOR EACH ROW EXECUTE FUNCTION ncen_merge_redirect('person');
CREATE TRIGGER case_companies_merge_redirect BEFORE INSERT ON seizure_case_companies
    FOR EACH ROW EXECUTE FUNCTION ncen_merge_redirect('company');

-- Likely duplicates already in the registers, found by the matching engine when a record is
-- created or changed (the check worker) or by a scan; reviewed by supervisors.
CREATE TABLE duplicate_pairs (
    id uuid PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('person', 'company')),
    first_id uuid NOT NULL,
    second_id uuid NOT NULL,
    score real NOT NULL,
    exact boolean NOT NULL,
    features jsonb NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'distinct')),
    detected_at timestamptz NOT NULL DEFAULT now(),
    reviewed_by uuid REFERENCES users (id),
    reviewed_at timestamptz,
    review_reason text,
    merge_id uuid REFERENCES register_merges (id),
    CHECK (first_id < second_id),
    UNIQUE (kind, first_id, second_id)
);
CREATE INDEX duplicate_pairs_open ON duplicate_pairs (kind, score DESC, id) WHERE status = 'open';
CREATE INDEX duplicate_pairs_second ON duplicate_pairs (second_id);
CREATE INDEX duplicate_pairs_first ON duplicate_pairs (first_id);

ALTER TABLE register_history DROP CONSTRAINT register_history_action_check;
ALTER TABLE register_history ADD CONSTRAINT register_history_action_check
    CHECK (action IN ('create', 'update', 'merge', 'merged', 'unmerge'));

-- Marking a record merged (or restoring it) is not new data to check against alerts: the
-- survivor's own change is.
CREATE OR REPLACE FUNCTION ncen_match_enqueue_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    ignored text[] := ARRAY['last_case_at', 'match_latin', 'match_keys', 'match_version',
                            'version', 'updated_at', 'updated_by', 'search_key', 'phonetic_key',
                            'merged_into'];
BEGIN
    INSERT INTO match_queue (record_kind, record_id)
    SELECT TG_ARGV[0], n.id
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE to_jsonb(n) ->> 'merged_into' IS NULL
       AND to_jsonb(n) - ignored IS DISTINCT FROM to_jsonb(o) - ignored;
    IF FOUND THEN
        PERFORM pg_notify('ncen_match', '');
    END IF;
    RETURN NULL;
END;
$$;
