-- A delivery the account's rate limit could not serve at once waits for a permit reserved for it
-- (nextAttemptAt = permit_at), and then goes without asking the bucket again.
ALTER TABLE delivery ADD COLUMN permit_at timestamptz;
