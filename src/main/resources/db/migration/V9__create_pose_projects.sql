-- Pose Generator's projects, their batches and the poses they produced.

-- A project poses one subject: a copy of one of the user's avatars (avatar_id names it while it
-- exists) or an uploaded picture. The copy keeps the project's pictures independent of the avatar.
CREATE TABLE pose_projects (
    id                uuid PRIMARY KEY,
    user_id           uuid          NOT NULL REFERENCES users (id),
    name              varchar(100)  NOT NULL,
    description       varchar(500),
    subject_source    varchar(10)   CHECK (subject_source IN ('avatar', 'upload')),
    avatar_id         uuid          REFERENCES avatars (id) ON DELETE SET NULL,
    subject_name      varchar(100),
    subject_persona   varchar(1000),
    subject_image     varchar(200),
    subject_thumbnail varchar(200),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    CONSTRAINT pose_projects_subject_whole CHECK (
        (subject_source IS NULL) = (subject_image IS NULL)
        AND (subject_image IS NULL) = (subject_thumbnail IS NULL)),
    CONSTRAINT pose_projects_avatar_is_avatar_source CHECK (
        avatar_id IS NULL OR subject_source = 'avatar')
);
CREATE INDEX pose_projects_user_idx ON pose_projects (user_id, created_at DESC, id DESC);

-- A batch ordered for a project: the engine's generation (its charge, jobs and status) plus what
-- Pose Generator needs to list and export it. A project with a batch that has not ended cannot be
-- deleted; deleting an ended one's project removes these rows, never the generation or its ledger.
CREATE TABLE pose_generations (
    generation_id        uuid          PRIMARY KEY REFERENCES generations (id),
    project_id           uuid          NOT NULL REFERENCES pose_projects (id) ON DELETE CASCADE,
    user_id              uuid          NOT NULL REFERENCES users (id),
    text_prompt          varchar(500),
    background_prompt    varchar(500),
    -- The formats its ZIP holds each pose in, comma-separated.
    export_formats       varchar(20)   NOT NULL
                             CHECK (export_formats ~ '^(png|jpeg|webp)(,(png|jpeg|webp))*$'),
    total_expected_poses integer       NOT NULL CHECK (total_expected_poses > 0),
    created_at           timestamptz   NOT NULL
);
CREATE INDEX pose_generations_project_idx ON pose_generations (project_id, created_at DESC);

-- A pose a job drew: one per job, however often its message is delivered (the unique job_id).
CREATE TABLE generated_poses (
    id                uuid          PRIMARY KEY,
    job_id            uuid          NOT NULL REFERENCES generation_jobs (id),
    generation_id     uuid          NOT NULL REFERENCES generations (id),
    project_id        uuid          NOT NULL REFERENCES pose_projects (id) ON DELETE CASCADE,
    user_id           uuid          NOT NULL REFERENCES users (id),
    pose_id           uuid          REFERENCES pose_library (id),
    prompt            varchar(2000) NOT NULL,
    background_prompt varchar(500),
    image_path        varchar(200)  NOT NULL,
    thumbnail_path    varchar(200)  NOT NULL,
    width             integer       NOT NULL CHECK (width > 0),
    height            integer       NOT NULL CHECK (height > 0),
    seed              bigint        NOT NULL,
    controlnet_weight numeric(3, 2) NOT NULL CHECK (controlnet_weight BETWEEN 0 AND 2),
    favorite          boolean       NOT NULL DEFAULT false,
    created_at        timestamptz   NOT NULL,
    CONSTRAINT generated_poses_job_key UNIQUE (job_id)
);
CREATE INDEX generated_poses_project_idx ON generated_poses (project_id, created_at DESC, id DESC);
CREATE INDEX generated_poses_favorites_idx ON generated_poses (project_id, created_at DESC, id DESC)
    WHERE favorite;
CREATE INDEX generated_poses_generation_idx ON generated_poses (generation_id);
