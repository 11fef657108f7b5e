-- Pose Generator's pose requests: users ask for a pose the library lacks and vote for each other's
-- requests; operators accept, reject or complete them (completed names the library pose that
-- fulfils the request). Operators' edits of the library itself need no new columns (V7 has
-- pose_categories.active and pose_library.is_public for retiring).

CREATE TABLE pose_requests (
    id                  uuid          PRIMARY KEY,
    user_id             uuid          NOT NULL REFERENCES users (id),
    name                varchar(100)  NOT NULL,
    description         varchar(1000) NOT NULL,
    category_id         uuid          REFERENCES pose_categories (id),
    reference_image     varchar(200),
    reference_thumbnail varchar(200),
    status              varchar(10)   NOT NULL DEFAULT 'pending'
                            CHECK (status IN ('pending', 'accepted', 'rejected', 'completed')),
    -- Operators' notes: shown to operators only, never to users (not even the requester).
    admin_notes         varchar(2000),
    fulfilled_pose_id   uuid          REFERENCES pose_library (id),
    -- The number of rows in pose_request_votes for the request, kept exact by the transaction that
    -- adds or removes a vote (it changes the count only when it really added or removed a row).
    vote_count          bigint        NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    CONSTRAINT pose_requests_reference_whole CHECK (
        (reference_image IS NULL) = (reference_thumbnail IS NULL)),
    -- A completed request names the library pose that fulfils it; no other request does.
    CONSTRAINT pose_requests_completed_fulfilled CHECK (
        (status = 'completed') = (fulfilled_pose_id IS NOT NULL))
);
-- Listing: most votes first (then newest) and newest first, each also within one status, in
-- keyset pages.
CREATE INDEX pose_requests_votes_idx ON pose_requests (vote_count DESC, created_at DESC, id DESC);
CREATE INDEX pose_requests_newest_idx ON pose_requests (created_at DESC, id DESC);
CREATE INDEX pose_requests_status_votes_idx
    ON pose_requests (status, vote_count DESC, created_at DESC, id DESC);
CREATE INDEX pose_requests_status_newest_idx ON pose_requests (status, created_at DESC, id DESC);

-- One vote per user and request: the primary key makes a repeated vote, however concurrent, one row.
CREATE TABLE pose_request_votes (
    request_id uuid        NOT NULL REFERENCES pose_requests (id),
    user_id    uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (request_id, user_id)
);
