-- Cases received from partners and imported by a liaison officer (issue 17). A received case is
-- kept apart from this node's own cases, with its provenance: the partner, the package that
-- brought it (and when), and its reference at the sender. A later package with the same
-- reference and a higher version updates it (every version is kept). Its persons and
-- companies are matched against this node's registers (proposals, never merged) and checked
-- against the active alerts when imported.

CREATE TABLE received_cases (
    id uuid PRIMARY KEY,
    partner_id uuid NOT NULL REFERENCES exchange_partners (id),
    -- The case's reference and version at the sender.
    reference text NOT NULL,
    version integer NOT NULL,
    scope text NOT NULL CHECK (scope IN ('nominal', 'non_nominal')),
    -- The package of the current version, when it arrived, who imported it and when.
    package_id uuid NOT NULL REFERENCES exchange_inbox (id),
    received_at timestamptz NOT NULL,
    imported_by uuid NOT NULL REFERENCES users (id),
    imported_at timestamptz NOT NULL DEFAULT now(),
    document jsonb NOT NULL,
    -- Searchable without opening the document.
    detected_at timestamptz,
    commodity_groups text[] NOT NULL DEFAULT '{}',
    UNIQUE (partner_id, reference)
);
CREATE INDEX received_cases_latest ON received_cases (imported_at DESC, id DESC);

CREATE TABLE received_case_versions (
    received_case_id uuid NOT NULL REFERENCES received_cases (id) ON DELETE CASCADE,
    version integer NOT NULL,
    package_id uuid NOT NULL REFERENCES exchange_inbox (id),
    received_at timestamptz NOT NULL,
    imported_by uuid NOT NULL REFERENCES users (id),
    imported_at timestamptz NOT NULL DEFAULT now(),
    document jsonb NOT NULL,
    PRIMARY KEY (received_case_id, version)
);

-- A person or company of a received case (of its current version), with this node's register
-- records that may be the same (screening candidates, best first) and the active alerts it
-- may hit, as computed when imported.
CREATE TABLE received_parties (
    received_case_id uuid NOT NULL REFERENCES received_cases (id) ON DELETE CASCADE,
    position integer NOT NULL,
    kind text NOT NULL CHECK (kind IN ('person', 'company')),
    role text,
    label text NOT NULL,
    candidates jsonb NOT NULL DEFAULT '[]',
    alerts jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (received_case_id, position)
);
ALTER TABLE exchange_inbox ADD COLUMN review_note text CHECK (length(review_note) <= 2000);
