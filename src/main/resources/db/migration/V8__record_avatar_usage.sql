-- Avatar Creator's usage history: every time another app puts one of a user's avatars to use (Pose
-- Generator: a project that poses it, and each batch ordered for it), written in the transaction of
-- the action that causes it. Kept with the avatar; gone when the avatar is.
CREATE TABLE avatar_usages (
    id             uuid PRIMARY KEY,
    avatar_id      uuid        NOT NULL REFERENCES avatars (id) ON DELETE CASCADE,
    user_id        uuid        NOT NULL REFERENCES users (id),
    app            varchar(40) NOT NULL,
    action         varchar(40) NOT NULL,
    reference_type varchar(40) NOT NULL,
    reference_id   uuid        NOT NULL,
    used_at        timestamptz NOT NULL
);
CREATE INDEX avatar_usages_avatar_idx ON avatar_usages (avatar_id, used_at DESC, id DESC);
