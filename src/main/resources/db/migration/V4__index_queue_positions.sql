-- Queue position (every pending generation in an answer, and every order's 202): the pending
-- generations of the same app created before it, counted from this index alone.
CREATE INDEX generations_pending_app_created_idx ON generations (app, created_at) WHERE status = 'pending';
