-- Retries live in the database, not in a consumer's memory: a reply waiting for its next attempt
-- (backoff, a network's reset time, the account's rate limit) is PENDING with next_attempt_at, and
-- survives a restart. The command itself is kept to send it again.
ALTER TABLE delivery ADD COLUMN request text;
ALTER TABLE delivery ADD COLUMN next_attempt_at timestamptz;

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
