-- Quota tiers ("unlimited" Pose Generator): an entitlement spent instead of credits. A tier gives a
-- user a daily quota of units (poses) in one app until it expires. `used` counts the units of
-- `quota_day` (a date in the configured zone, lumiku.quotas.time-zone); the first consumption of a
-- new day starts it again from zero. Every change is one conditional UPDATE (used + n <= quota for
-- the day) plus an append-only ledger entry, so a thousand racing orders never exceed the quota and
-- `used` always equals the day's entries (reconciliation checks it).
CREATE TABLE quota_tiers (
    user_id     uuid        NOT NULL REFERENCES users (id),
    app         varchar(40) NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    daily_quota integer     NOT NULL CHECK (daily_quota > 0),
    used        integer     NOT NULL DEFAULT 0 CHECK (used >= 0),
    quota_day   date        NOT NULL,
    expires_at  timestamptz NOT NULL,
    granted_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, app)
);

-- The quota ledger: a generation's consumption (-units) and each failed or canceled job's give-back
-- (+units), each on the day it counts for. Once per reference: a consumption per generation, a
-- give-back per job, however often it is asked for.
CREATE TABLE quota_transactions (
    id             uuid        PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id),
    app            varchar(40) NOT NULL,
    quota_day      date        NOT NULL,
    type           varchar(12) NOT NULL CHECK (type IN ('consume', 'give-back')),
    amount         integer     NOT NULL CHECK ((type = 'consume') = (amount < 0) AND amount <> 0),
    reference_type varchar(40) NOT NULL,
    reference_id   uuid        NOT NULL,
    created_at     timestamptz NOT NULL,
    CONSTRAINT quota_transactions_once UNIQUE (type, reference_type, reference_id),
    FOREIGN KEY (user_id, app) REFERENCES quota_tiers (user_id, app)
);
CREATE INDEX quota_transactions_day_idx ON quota_transactions (user_id, app, quota_day);

-- A generation paid with quota: its units and those given back so far, and each job's units
-- (credit_cost is 0 then).
ALTER TABLE generations
    ADD COLUMN quota_units    integer NOT NULL DEFAULT 0 CHECK (quota_units >= 0),
    ADD COLUMN quota_refunded integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT generations_quota_refund_bounded CHECK (quota_refunded BETWEEN 0 AND quota_units);
ALTER TABLE generation_jobs
    ADD COLUMN quota_units integer NOT NULL DEFAULT 0 CHECK (quota_units >= 0);
