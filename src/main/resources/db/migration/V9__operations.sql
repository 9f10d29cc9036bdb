-- Leases that make a job run on one instance of several (see JobLease): the holder and until when it holds.
CREATE TABLE job_lease (
    name        VARCHAR(60)   NOT NULL PRIMARY KEY,
    holder      VARCHAR(200),
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    taken_at    TIMESTAMP(6) WITH TIME ZONE
);

-- Request budgets shared by every instance on PostgreSQL (Bucket4j's PostgreSQL proxy manager): one row per
-- caller and budget, its serialized token bucket, and when it is full again and may be dropped (epoch ms).
CREATE TABLE rate_bucket (
    id          VARCHAR(300)  NOT NULL PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);
CREATE INDEX ix_rate_bucket_expires_at ON rate_bucket (expires_at);
