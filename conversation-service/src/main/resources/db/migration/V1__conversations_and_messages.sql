-- Everything one consumer says to one account, public and private together, until an agent closes it.
CREATE TABLE conversation (
    id                      uuid PRIMARY KEY,
    brand_id                text        NOT NULL,
    account_id              text        NOT NULL,
    channel                 text        NOT NULL,
    consumer_id             text        NOT NULL,
    consumer_name           text,
    status                  text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    last_message_text       text,
    last_message_visibility text,
    last_message_at         timestamptz,
    last_inbound_visibility text,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    closed_at               timestamptz
);

-- One open conversation per account and consumer, even with two consumers racing after a rebalance.
CREATE UNIQUE INDEX conversation_one_open ON conversation (account_id, consumer_id) WHERE status = 'OPEN';
-- The agent's list: a brand's conversations, newest activity first, paged by (updated_at, id).
CREATE INDEX conversation_brand_recent ON conversation (brand_id, updated_at DESC, id DESC);

CREATE TABLE message (
    id                 uuid PRIMARY KEY,
    conversation_id    uuid        NOT NULL REFERENCES conversation (id),
    direction          text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    visibility         text        NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    kind               text        NOT NULL,
    channel            text        NOT NULL,
    account_id         text        NOT NULL,
    author_id          text        NOT NULL,
    author_name        text,
    text               text,
    attachments        text        NOT NULL DEFAULT '[]', -- JSON; shown, never queried
    platform_id        text,
    parent_platform_id text,
    root_platform_id   text,
    occurred_at        timestamptz NOT NULL,
    received_at        timestamptz NOT NULL,
    edited             boolean     NOT NULL DEFAULT false,
    deleted            boolean     NOT NULL DEFAULT false,
    hidden             boolean     NOT NULL DEFAULT false,
    delivery_status    text,
    failure_reason     text
);

-- The same platform message is never stored twice.
CREATE UNIQUE INDEX message_platform_id ON message (account_id, platform_id) WHERE platform_id IS NOT NULL;
CREATE INDEX message_transcript ON message (conversation_id, occurred_at, id);

-- Inbound events already applied: a redelivered event changes nothing.
CREATE TABLE processed_event (
    platform_event_id text PRIMARY KEY,
    processed_at      timestamptz NOT NULL
);
