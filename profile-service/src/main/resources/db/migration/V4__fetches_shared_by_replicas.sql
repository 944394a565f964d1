-- One fetch of a profile at a time across every replica: the replica that fetches holds a short lease,
-- the others wait for its result instead of asking the network again.
ALTER TABLE consumer_profile ADD COLUMN fetch_claimed_until timestamptz;

-- A network's 429 for an account, learnt by one replica, pauses every replica's look-ups until then.
CREATE TABLE upstream_pause (
    account_id   text PRIMARY KEY,
    paused_until timestamptz NOT NULL
);
