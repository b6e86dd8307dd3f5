-- Withdrawals (issue 17): a sender withdraws the cases of a package it sent (a withdrawal
-- package, signed and delivered as any other); the receiver applies it on arrival: the
-- received cases of those references, at that version or an earlier one, are marked
-- withdrawn, and a package still waiting for review imports none of them.

ALTER TABLE exchange_outbox
    ADD COLUMN kind text NOT NULL DEFAULT 'cases' CHECK (kind IN ('cases', 'withdrawal')),
    -- The package whose cases a withdrawal withdraws.
    ADD COLUMN withdraws uuid REFERENCES exchange_outbox (id),
    ADD CHECK ((kind = 'withdrawal') = (withdraws IS NOT NULL));
CREATE INDEX exchange_outbox_withdraws ON exchange_outbox (withdraws) WHERE withdraws IS NOT NULL;

ALTER TABLE exchange_inbox
    ADD COLUMN kind text NOT NULL DEFAULT 'cases' CHECK (kind IN ('cases', 'withdrawal')),
    -- The sender's package whose cases a withdrawal withdraws, as the sender named it.
    ADD COLUMN withdraws uuid,
    ADD CHECK ((kind = 'withdrawal') = (withdraws IS NOT NULL));

-- The latest withdrawal of each case reference of a partner: it applies to the received
-- versions up to `version` (a later version sent again after it is the sender's new word).
CREATE TABLE received_withdrawals (
    partner_id uuid NOT NULL REFERENCES exchange_partners (id),
    reference text NOT NULL,
    version integer NOT NULL,
    package_id uuid NOT NULL REFERENCES exchange_inbox (id),
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    withdrawn_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partner_id, reference)
);
