-- Icomm exchange (issue 17): the administrations this node exchanges cases with (partners,
-- whose Ed25519 public key was confirmed by its fingerprint, exchanged out of band), the
-- legal bases that allow it (agreements), and the batches of non-nominal seizures exported
-- to the global CEN database, kept for audit with what they contained.

CREATE TABLE exchange_partners (
    id uuid PRIMARY KEY,
    country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    endpoint text NOT NULL CHECK (endpoint ~ '^https?://' AND length(endpoint) <= 500),
    -- 32 bytes, hex; the fingerprint is derived from it (exchange::keys::fingerprint).
    public_key text NOT NULL CHECK (public_key ~ '^[0-9a-f]{64}$'),
    fingerprint text NOT NULL,
    contact text CHECK (length(contact) <= 500),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    confirmed_by uuid NOT NULL REFERENCES users (id),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- One partner per key: a package is attributed by the key that signed it.
CREATE UNIQUE INDEX exchange_partners_key ON exchange_partners (public_key);
CREATE INDEX exchange_partners_order ON exchange_partners (name, id);

CREATE TABLE exchange_agreements (
    id uuid PRIMARY KEY,
    partner_id uuid NOT NULL REFERENCES exchange_partners (id),
    instrument text NOT NULL CHECK (instrument IN ('bilateral_cmaa', 'mou',
        'regional_convention', 'nairobi_convention', 'johannesburg_convention', 'other')),
    reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    purposes text[] NOT NULL DEFAULT '{}' CHECK (array_position(purposes, NULL) IS NULL),
    scope text NOT NULL CHECK (scope IN ('nominal', 'non_nominal')),
    -- Empty: every commodity group.
    commodity_groups text[] NOT NULL DEFAULT '{}'
        CHECK (array_position(commodity_groups, NULL) IS NULL),
    valid_from date NOT NULL,
    valid_until date CHECK (valid_until IS NULL OR valid_until >= valid_from),
    notes text CHECK (length(notes) <= 4000),
    version integer NOT NULL DEFAULT 1,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exchange_agreements_partner ON exchange_agreements (partner_id, valid_from);

-- A CEN export batch: the non-nominal records it carried (one row per case, as exported),
-- their count and the SHA-256 of the JSON document, who made it and when. A case is exported
-- again once its version moved past the one exported.
CREATE TABLE cen_export_batches (
    id uuid PRIMARY KEY,
    created_by uuid REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    cases integer NOT NULL,
    content_sha256 text NOT NULL
);
CREATE INDEX cen_export_batches_latest ON cen_export_batches (created_at DESC, id);

CREATE TABLE cen_export_items (
    batch_id uuid NOT NULL REFERENCES cen_export_batches (id) ON DELETE CASCADE,
    position integer NOT NULL,
    case_id uuid NOT NULL REFERENCES seizure_cases (id),
    case_version integer NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (batch_id, position)
);
CREATE INDEX cen_export_items_case ON cen_export_items (case_id, case_version);
