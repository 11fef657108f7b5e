-- Avatar Creator, managed: how often and when each avatar was last put to use by another app
-- (kept next to the history in avatar_usages, so listings need not count it), and when a project or
-- an avatar last changed.
ALTER TABLE avatars
    ADD COLUMN usage_count  integer     NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
    ADD COLUMN last_used_at timestamptz,
    ADD COLUMN updated_at   timestamptz;
UPDATE avatars a
   SET usage_count = u.uses, last_used_at = u.last_used
  FROM (SELECT avatar_id, count(*) AS uses, max(used_at) AS last_used
          FROM avatar_usages GROUP BY avatar_id) u
 WHERE u.avatar_id = a.id;
UPDATE avatars SET updated_at = created_at;
ALTER TABLE avatars ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE avatar_projects ADD COLUMN updated_at timestamptz;
UPDATE avatar_projects SET updated_at = created_at;
ALTER TABLE avatar_projects ALTER COLUMN updated_at SET NOT NULL;

-- The project's avatars, newest first, paged by (created_at, id).
DROP INDEX avatars_project_created_idx;
CREATE INDEX avatars_project_created_idx ON avatars (project_id, created_at DESC, id DESC);

-- A user's unfinished work in an app (e.g. what a deleted project still had queued).
CREATE INDEX generations_user_unfinished_idx ON generations (user_id, app)
    WHERE status IN ('pending', 'processing');
