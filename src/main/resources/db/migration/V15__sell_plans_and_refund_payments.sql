-- The unlimited pose plan and admins' refunds.
--
-- A payment now buys credits (kind 'credits': credits > 0, no plan) or a plan (kind 'plan': no
-- credits; the app, days and daily quota of the quota tier it gives, copied at checkout like a
-- package's credits). An admin may mark a paid payment 'refunded' (the money went back at the
-- gateway): who, when and why are recorded, and for credits what the clawback took from the
-- balance and what it could not (the balance never goes below zero; the rest is shown to admins);
-- for a plan, likewise the time taken off the tier and the time the buyer had used already
-- (microseconds, as exact as the timestamps they are the difference of).
ALTER TABLE payments DROP CONSTRAINT payments_kind_check;
ALTER TABLE payments DROP CONSTRAINT payments_credits_check;
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments
    ADD COLUMN plan_app            varchar(40),
    ADD COLUMN plan_days           integer,
    ADD COLUMN plan_daily_quota    integer,
    -- The buyer's email as the gateway was given it at checkout (admins search by it).
    ADD COLUMN email               varchar(254),
    ADD COLUMN refunded_at         timestamptz,
    ADD COLUMN refunded_by         uuid REFERENCES users (id),
    ADD COLUMN refund_reason       varchar(200),
    ADD COLUMN credits_recovered   bigint,
    ADD COLUMN credits_unrecovered bigint,
    ADD COLUMN plan_recovered_micros   bigint,
    ADD COLUMN plan_unrecovered_micros bigint,
    ADD CONSTRAINT payments_kind_check CHECK (kind IN ('credits', 'plan')),
    ADD CONSTRAINT payments_status_check
        CHECK (status IN ('pending', 'paid', 'failed', 'expired', 'refunded')),
    ADD CONSTRAINT payments_what_is_bought CHECK (
        (kind = 'credits' AND credits > 0
            AND plan_app IS NULL AND plan_days IS NULL AND plan_daily_quota IS NULL)
        OR (kind = 'plan' AND credits = 0 AND bonus_credits = 0 AND plan_app IS NOT NULL
            AND plan_days IS NOT NULL AND plan_days > 0
            AND plan_daily_quota IS NOT NULL AND plan_daily_quota > 0)),
    ADD CONSTRAINT payments_refund_recorded CHECK (
        CASE WHEN status = 'refunded'
             THEN refunded_at IS NOT NULL AND refunded_by IS NOT NULL AND refund_reason IS NOT NULL
             ELSE refunded_at IS NULL AND refunded_by IS NULL AND refund_reason IS NULL END),
    -- A refunded credits payment took back what it could and owes the rest: together its worth.
    ADD CONSTRAINT payments_refund_credits CHECK (
        CASE WHEN status = 'refunded' AND kind = 'credits'
             THEN coalesce(credits_recovered >= 0 AND credits_unrecovered >= 0
                 AND credits_recovered + credits_unrecovered = credits + bonus_credits, false)
             ELSE credits_recovered IS NULL AND credits_unrecovered IS NULL END),
    -- A refunded plan payment took back the unused part of its days and records the used rest.
    ADD CONSTRAINT payments_refund_plan CHECK (
        CASE WHEN status = 'refunded' AND kind = 'plan'
             THEN coalesce(plan_recovered_micros >= 0 AND plan_unrecovered_micros >= 0
                 AND plan_recovered_micros + plan_unrecovered_micros
                     = plan_days * CAST(86400000000 AS bigint), false)
             ELSE plan_recovered_micros IS NULL AND plan_unrecovered_micros IS NULL END);
UPDATE payments p SET email = u.email FROM users u WHERE u.id = p.user_id;
ALTER TABLE payments ALTER COLUMN email SET NOT NULL;

-- Admins list all payments, newest first (cursor pages).
CREATE INDEX payments_created_idx ON payments (created_at DESC, id DESC);

-- A refund's clawback is one negative 'adjust' entry naming the payment, at most once.
CREATE UNIQUE INDEX credit_transactions_one_clawback_per_payment
    ON credit_transactions (reference_id) WHERE type = 'adjust' AND reference_type = 'payment';

-- Changes of a quota tier that something paid for: a plan payment extends the tier once
-- ('extend'), its refund shortens it once ('shorten'), whoever asks and however often (the unique
-- key). Each records the expiry before (null: the user had no tier in the app) and after, and the
-- daily quota before and after. An extension records the plan's terms (its days and daily_quota);
-- it covered [expires_at - days, expires_at]. A shortening records the days of the extension it
-- takes back, of which it took only what was still unused (previous_expires_at - expires_at).
CREATE TABLE quota_grants (
    id                   uuid        PRIMARY KEY,
    user_id              uuid        NOT NULL,
    app                  varchar(40) NOT NULL,
    type                 varchar(10) NOT NULL CHECK (type IN ('extend', 'shorten')),
    days                 integer     NOT NULL CHECK (days > 0),
    daily_quota          integer     CHECK (daily_quota > 0),
    previous_expires_at  timestamptz,
    expires_at           timestamptz NOT NULL,
    -- The tier's daily quota before the change; null for an extension of a tier that was not in
    -- force (the plan's quota replaces it) - in force, the larger of the two stays.
    previous_daily_quota integer     CHECK (previous_daily_quota > 0),
    new_daily_quota      integer     NOT NULL CHECK (new_daily_quota > 0),
    reference_type       varchar(40) NOT NULL,
    reference_id         uuid        NOT NULL,
    created_at           timestamptz NOT NULL,
    CONSTRAINT quota_grants_once UNIQUE (type, reference_type, reference_id),
    -- An extension states the plan's daily quota; a shortening does not.
    CONSTRAINT quota_grants_quota_when_extended CHECK ((type = 'extend') = (daily_quota IS NOT NULL)),
    CONSTRAINT quota_grants_extension_quota CHECK (
        type <> 'extend' OR new_daily_quota = greatest(daily_quota, previous_daily_quota)),
    -- A shortening shortens a tier that exists, never lengthens it, and knows its quota before.
    CONSTRAINT quota_grants_shortening CHECK (
        type <> 'shorten' OR (previous_expires_at IS NOT NULL AND expires_at <= previous_expires_at
            AND previous_daily_quota IS NOT NULL)),
    FOREIGN KEY (user_id, app) REFERENCES quota_tiers (user_id, app)
);
-- A refund looks for the user's other extensions in the app.
CREATE INDEX quota_grants_tier_idx ON quota_grants (user_id, app);
