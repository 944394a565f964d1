-- The posts, comments and tweets of the consumers' threads, per connected account: learnt from every
-- public item the account's webhooks carried (the brand's own included) and fetched when a thread
-- needs one never seen. Edits and removals arrive as events, so a stored post does not expire.
CREATE TABLE post (
    id                 text PRIMARY KEY, -- accountId:platformId
    account_id         text        NOT NULL,
    brand_id           text        NOT NULL,
    channel            text        NOT NULL,
    platform_id        text        NOT NULL,
    parent_platform_id text,
    root_platform_id   text,
    author_id          text,
    author_name        text,
    author_handle      text,
    text               text,
    created_at         timestamptz,
    permalink          text,
    deleted            boolean     NOT NULL DEFAULT false,
    source             text        NOT NULL CHECK (source IN ('EVENT', 'NETWORK')),
    stored_at          timestamptz NOT NULL
);

-- The thread's lookup: a brand's view of one post on one channel.
CREATE INDEX post_lookup ON post (brand_id, channel, platform_id);

