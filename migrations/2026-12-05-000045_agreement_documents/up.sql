-- The document of an agreement (issue 17): the signed instrument, scanned or as issued (PDF or
-- image), cleaned as any upload is. One current document per agreement; a replaced one stays in
-- the store, and every upload is audited with its hash.
CREATE TABLE exchange_agreement_documents (
    agreement_id uuid PRIMARY KEY REFERENCES exchange_agreements (id),
    filename text CHECK (length(filename) <= 255),
    media_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes > 0),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key text NOT NULL,
    uploaded_by uuid NOT NULL REFERENCES users (id),
    uploaded_at timestamptz NOT NULL DEFAULT now()
);
