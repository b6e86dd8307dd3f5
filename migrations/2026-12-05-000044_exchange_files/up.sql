-- The files of received packages (issue 17): photos, X-rays and documents a partner sends
-- with its cases. A sender uploads each file (signed, as a package is) before the package
-- that lists it; a package is accepted only once every file its cases list has arrived. A file
-- is kept once per partner and content (SHA-256), whatever the number of packages naming it.
CREATE TABLE exchange_files (
    partner_id uuid NOT NULL REFERENCES exchange_partners (id),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    media_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes > 0),
    storage_key text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partner_id, sha256)
);
