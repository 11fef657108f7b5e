-- The probe app's own table (a test-only app; added to the WAR by the tests that deploy it).
-- A high version, so that it runs after every migration the application ships. One row per job.
CREATE TABLE probe_runs (
    job_id        uuid PRIMARY KEY REFERENCES generation_jobs (id),
    generation_id uuid         NOT NULL REFERENCES generations (id),
    label         varchar(100) NOT NULL,
    attempt       integer      NOT NULL,
    created_at    timestamptz  NOT NULL
);
