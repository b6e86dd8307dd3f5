-- Icomm packages (issue 17): what leaves for a partner (the outbox: signed canonical JSON,
-- delivered with retries and exponential back-off, the package id as idempotency key, the
-- partner's signed acknowledgement kept) and what arrived from one (the inbox: every accepted
-- package as received, with its signature, waiting for a liaison officer's review).

CREATE TABLE exchange_outbox (
    -- The package id: the partner refuses a second package with it.
    id uuid PRIMARY KEY,
    partner_id uuid NOT NULL REFERENCES exchange_partners (id),
    agreement_id uuid NOT NULL REFERENCES exchange_agreements (id),
    scope text NOT NULL CHECK (scope IN ('nominal', 'non_nominal')),
    case_ids uuid[] NOT NULL CHECK (cardinality(case_ids) BETWEEN 1 AND 100),
    -- awaiting_approval: asked for by an investigator, a liaison officer must approve it;
    -- pending: signed, waiting for (another) attempt; sent: an attempt is under way (its
    -- lease ends at next_attempt_at); acknowledged: the partner's signed acknowledgement is
    -- kept; rejected: the partner refused it (reason kept); failed: every attempt failed;
    -- declined: the liaison officer declined the request.
    status text NOT NULL CHECK (status IN ('awaiting_approval', 'pending', 'sent',
        'acknowledged', 'rejected', 'failed', 'declined')),
    note text CHECK (length(note) <= 2000),
    requested_by uuid NOT NULL REFERENCES users (id),
    approved_by uuid REFERENCES users (id),
    decided_at timestamptz,
    decline_reason text CHECK (length(decline_reason) <= 2000),
    -- The canonical JSON (RFC 8785) of the package and its SHA-256, once approved.
    body bytea,
    body_sha256 text,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error text,
    sent_at timestamptz,
    acknowledged_at timestamptz,
    -- The acknowledgement as the partner signed it, and its signature.
    ack bytea,
    ack_signature text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (status IN ('awaiting_approval', 'declined') OR (body IS NOT NULL AND body_sha256 IS NOT NULL))
);
CREATE INDEX exchange_outbox_due ON exchange_outbox (next_attempt_at)
    WHERE status IN ('pending', 'sent');
CREATE INDEX exchange_outbox_latest ON exchange_outbox (created_at DESC, id DESC);
CREATE INDEX exchange_outbox_requester ON exchange_outbox (requested_by, created_at DESC);

CREATE TABLE exchange_inbox (
    -- The sender's package id: a second package with it is a replay.
    id uuid PRIMARY KEY,
    partner_id uuid NOT NULL REFERENCES exchange_partners (id),
    -- This node's agreement with the partner that covered the package when it arrived.
    agreement_id uuid NOT NULL REFERENCES exchange_agreements (id),
    -- The agreement as the sender named it.
    agreement_reference text NOT NULL,
    scope text NOT NULL CHECK (scope IN ('nominal', 'non_nominal')),
    cases integer NOT NULL,
    case_references text[] NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    -- Exactly as received, with the sender's signature over it (verifiable again later).
    body bytea NOT NULL,
    body_sha256 text NOT NULL,
    signature text NOT NULL,
    ack bytea NOT NULL,
    ack_signature text NOT NULL,
    status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'imported', 'dismissed')),
    reviewed_by uuid REFERENCES users (id),
    reviewed_at timestamptz,
    version integer NOT NULL DEFAULT 1
);
CREATE INDEX exchange_inbox_latest ON exchange_inbox (received_at DESC, id DESC);

-- Wakes the delivery worker of every instance.
CREATE FUNCTION ncen_exchange_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'pending' THEN
        PERFORM pg_notify('ncen_exchange', NEW.id::text);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER exchange_outbox_notify AFTER INSERT OR UPDATE OF status ON exchange_outbox
    FOR EACH ROW EXECUTE FUNCTION ncen_exchange_outbox_notify();
