-- The probe app's own table (a test-only app; added to the WAR by the tests that deploy it).
-- A high version, so that it runs after every migration the application ships.
CREATE TABLE probe_runs (
    generation_id uuid PRIMARY KEY REFERENCES generations (id),
    label         varchar(100) NOT NULL,
    attempt       integer      NOT NULL,
    created_at    timestamptz  NOT NULL
);
