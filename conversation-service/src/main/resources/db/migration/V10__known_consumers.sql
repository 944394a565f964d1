-- The consumers' names and handles as profile-service last announced them. A profile update can be
-- applied before the consumer's first message has opened a conversation (different topics, different
-- consumers): the conversation opened later takes the name from here. One row per consumer, not per event.
CREATE TABLE known_consumer (
    id         text PRIMARY KEY, -- accountId|consumerId
    name       text,
    handle     text,
    updated_at timestamptz NOT NULL
);
