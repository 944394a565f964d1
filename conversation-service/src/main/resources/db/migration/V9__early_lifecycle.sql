-- A removal, hide or unhide that arrives before its item (the networks do not promise order across
-- deliveries) is kept here and applied when the item arrives.
CREATE TABLE early_lifecycle (
    id          text PRIMARY KEY, -- accountId|platformId
    deleted     boolean     NOT NULL,
    hidden      boolean,
    hidden_at   timestamptz,
    received_at timestamptz NOT NULL
);
