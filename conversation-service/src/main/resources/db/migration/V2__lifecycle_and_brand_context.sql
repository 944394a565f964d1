-- An edit keeps what the message said before, so the agent can see what changed.
CREATE TABLE message_version (
    message_id  uuid        NOT NULL REFERENCES message (id),
    text        text,
    replaced_at timestamptz NOT NULL
);
CREATE INDEX message_version_of ON message_version (message_id, replaced_at);

-- The brand's own posts, comments and messages: context for consumers' threads, never a conversation.
CREATE TABLE brand_item (
    account_id         text        NOT NULL,
    platform_id        text        NOT NULL,
    kind               text        NOT NULL,
    consumer_id        text,
    author_name        text,
    text               text,
    parent_platform_id text,
    root_platform_id   text,
    occurred_at        timestamptz NOT NULL,
    deleted            boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (account_id, platform_id)
);
