-- A liaison officer's decision that a person or company of a received case is one of this
-- node's register records (issue 17: match proposals are acted on, never merged silently).
-- The party is named by its kind and label as received, so that the link survives a later
-- version of the case that still names it; the register record is kept as linked (a merge
-- since is resolved when read). The received data is never copied into the register.
CREATE TABLE received_party_links (
    received_case_id uuid NOT NULL REFERENCES received_cases (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('person', 'company')),
    label text NOT NULL,
    person_id uuid REFERENCES persons (id),
    company_id uuid REFERENCES companies (id),
    linked_by uuid NOT NULL REFERENCES users (id),
    linked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (received_case_id, kind, label),
    CHECK ((kind = 'person') = (person_id IS NOT NULL)),
    CHECK ((kind = 'company') = (company_id IS NOT NULL))
);
CREATE INDEX received_party_links_person ON received_party_links (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX received_party_links_company ON received_party_links (company_id) WHERE company_id IS NOT NULL;
