-- Rate limits shared by every instance (com.lumiku.platform.ratelimit): one Bucket4j token bucket
-- per row, its state serialized by Bucket4j, read and written under SELECT ... FOR UPDATE through
-- the non-XA pool. The id names the limit and whom it counts (a hash, no email or address in
-- clear). expires_at (epoch milliseconds) is when the bucket would be full again, so forgetting it
-- then changes nothing; RateLimitPurge deletes such rows.
CREATE TABLE rate_limit_buckets (
    id         varchar(100) PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
