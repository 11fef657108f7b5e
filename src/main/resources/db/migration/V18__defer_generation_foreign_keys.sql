-- An order's rows (its generation, its jobs, a pose batch's row) are written together when its
-- transaction commits, as a few batched statements for every order of a group commit, rather than
-- the generation alone first because its dependents refer to it. Their references to the
-- generation are checked at commit (for an XA branch: at PREPARE), where they are as strict.
ALTER TABLE generation_jobs ALTER CONSTRAINT generation_jobs_generation_id_fkey
    DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE pose_generations ALTER CONSTRAINT pose_generations_generation_id_fkey
    DEFERRABLE INITIALLY DEFERRED;
-- (ALTER CONSTRAINT waits for the tables' writers, a branch left prepared by a crash included; the
-- pool's lock_timeout fails the deployment after 10 s instead of hanging: it succeeds once recovery
-- has ended the branch.)
