-- The accounts' token buckets, shared by every replica: a replica takes a permit with the row locked,
-- so N replicas together stay within an account's quota instead of each using all of it.
CREATE TABLE rate_bucket (
    key          text PRIMARY KEY, -- accountId/endpoint
    tokens       double precision NOT NULL,
    refilled_at  timestamptz      NOT NULL,
    closed_until timestamptz
);
