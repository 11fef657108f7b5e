-- Idempotency-Key (Stripe semantics): the first answer to a charging request, kept per user and key
-- so that a retry gets the same answer and is charged nothing more. The row is written in the same
-- transaction as the charge, so a key exists exactly when its request's effects do. The key is
-- claimed first (the response columns are filled before the same transaction commits, so no other
-- transaction sees them empty); a concurrent request with the same key waits on that claim.
CREATE TABLE idempotency_keys (
    user_id           uuid         NOT NULL REFERENCES users (id),
    idempotency_key   varchar(255) NOT NULL,
    request_hash      char(64)     NOT NULL,
    response_status   integer,
    response_body     text,
    response_location varchar(500),
    created_at        timestamptz  NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
