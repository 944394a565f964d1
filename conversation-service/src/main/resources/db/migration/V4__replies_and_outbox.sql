-- The consumer's @handle, for the mention a public Twitter/X reply carries.
ALTER TABLE conversation ADD COLUMN consumer_handle text;

-- A double click sends once: a reply's Idempotency-Key is unique within its conversation.
ALTER TABLE message ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX message_idempotency ON message (conversation_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Commands and events to publish, written in the same transaction as the state they announce, so a
-- stored reply always gets its command out, even if the service dies before publishing it.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
