-- Buying credits: one row per checkout at the payment gateway (Duitku, or the offline simulator).
-- A payment starts 'pending' and ends once, by a conditional UPDATE from 'pending' (a success may
-- also end an 'expired' one: the buyer paid, see Settlements): 'paid' with exactly one 'topup' in
-- the credit ledger referring to it, 'failed', or 'expired'. What it grants (credits, bonus) and
-- costs (IDR) is copied from its package at checkout, so a package changed later changes no payment.
CREATE TABLE payments (
    id                uuid         PRIMARY KEY,
    user_id           uuid         NOT NULL REFERENCES users (id),
    merchant_order_id varchar(50)  NOT NULL,
    package_id        varchar(40)  NOT NULL,
    kind              varchar(20)  NOT NULL CHECK (kind IN ('credits')),
    credits           bigint       NOT NULL CHECK (credits > 0),
    bonus_credits     bigint       NOT NULL DEFAULT 0 CHECK (bonus_credits >= 0),
    amount            bigint       NOT NULL CHECK (amount > 0),
    payment_method    varchar(10)  NOT NULL,
    status            varchar(10)  NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'expired')),
    reference         varchar(100),
    payment_url       varchar(1000),
    expires_at        timestamptz  NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    settled_at        timestamptz,
    CONSTRAINT payments_merchant_order_id_key UNIQUE (merchant_order_id),
    -- Ended payments say when; pending ones have not ended.
    CONSTRAINT payments_settled_when_ended CHECK ((status = 'pending') = (settled_at IS NULL))
);
-- The user's payments, newest first (cursor pages).
CREATE INDEX payments_user_created_idx ON payments (user_id, created_at DESC, id DESC);
-- Pending payments by age, for the status check of missed callbacks.
CREATE INDEX payments_pending_idx ON payments (created_at) WHERE status = 'pending';
-- The status check also asks about payments that expired or failed lately.
CREATE INDEX payments_recently_ended_idx ON payments (settled_at) WHERE status IN ('expired', 'failed');

-- A payment tops up once, whoever settles it (a callback, its duplicates, the status check).
CREATE UNIQUE INDEX credit_transactions_one_topup_per_reference
    ON credit_transactions (reference_type, reference_id) WHERE type = 'topup';
