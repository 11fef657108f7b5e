-- A generation is charged once and done as one or more jobs (a batch of poses: one job per pose).
-- Each job has its own message, attempts, outcome and refund; the generation counts them and ends
-- when they all have: completed (all done), partial (some failed, each failed job refunded once),
-- failed (all failed) or canceled (taken back before any started). A single-job generation's job has
-- the generation's own id, so its refund still names the generation.

ALTER TABLE generations DROP CONSTRAINT generations_status_check;
ALTER TABLE generations
    ADD CONSTRAINT generations_status_check
        CHECK (status IN ('pending', 'processing', 'completed', 'partial', 'failed', 'canceled')),
    ADD COLUMN jobs_total      integer NOT NULL DEFAULT 1 CHECK (jobs_total >= 1),
    ADD COLUMN jobs_completed  integer NOT NULL DEFAULT 0 CHECK (jobs_completed >= 0),
    ADD COLUMN jobs_failed     integer NOT NULL DEFAULT 0 CHECK (jobs_failed >= 0),
    ADD COLUMN credit_refunded bigint  NOT NULL DEFAULT 0,
    ADD CONSTRAINT generations_jobs_counted CHECK (jobs_completed + jobs_failed <= jobs_total),
    ADD CONSTRAINT generations_refund_bounded CHECK (credit_refunded BETWEEN 0 AND credit_cost);

CREATE TABLE generation_jobs (
    id            uuid PRIMARY KEY,
    generation_id uuid          NOT NULL REFERENCES generations (id),
    position      integer       NOT NULL CHECK (position >= 0),
    status        varchar(12)   NOT NULL CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'canceled')),
    attempts      integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    credit_cost   bigint        NOT NULL CHECK (credit_cost >= 0),
    refunded      boolean       NOT NULL DEFAULT false,
    parameters    text          NOT NULL,
    result        text,
    error_code    varchar(40),
    error_message varchar(500),
    error_detail  varchar(4000),
    ended_by      varchar(12)   CHECK (ended_by IN ('worker', 'dead-letter', 'sweeper', 'cancel')),
    created_at    timestamptz   NOT NULL,
    started_at    timestamptz,
    completed_at  timestamptz,
    updated_at    timestamptz   NOT NULL,
    CONSTRAINT generation_jobs_position_key UNIQUE (generation_id, position),
    CONSTRAINT generation_jobs_ended_when_terminal
        CHECK ((status IN ('pending', 'processing')) = (ended_by IS NULL)),
    CONSTRAINT generation_jobs_refunded_when_failed
        CHECK (NOT refunded OR status IN ('failed', 'canceled'))
);
-- The sweeper's look for jobs that stopped changing (a generation's jobs in order: the unique key).
CREATE INDEX generation_jobs_live_idx ON generation_jobs (updated_at) WHERE status IN ('pending', 'processing');
-- Worker figures (GET /api/health/workers): the jobs that ended in the last hour.
CREATE INDEX generation_jobs_completed_idx ON generation_jobs (completed_at);

-- Every existing generation becomes a generation of one job, with its id.
INSERT INTO generation_jobs (id, generation_id, position, status, attempts, credit_cost, refunded,
                             parameters, result, error_code, error_message, error_detail, ended_by,
                             created_at, started_at, completed_at, updated_at)
SELECT id, id, 0, status, attempts, credit_cost, refunded, '{}', result, error_code, error_message,
       error_detail, ended_by, created_at, started_at, completed_at, updated_at
FROM generations;
UPDATE generations SET jobs_completed = 1 WHERE status = 'completed';
UPDATE generations SET jobs_failed = 1 WHERE status = 'failed';
UPDATE generations SET credit_refunded = credit_cost WHERE refunded;

-- Dead-letter figures are counted from the jobs now.
DROP INDEX generations_ended_by_completed_idx;
