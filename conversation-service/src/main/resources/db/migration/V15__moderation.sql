-- Moderation from the workspace: an agent hides, unhides, deletes or likes a consumer's public item. Each
-- action is a command to outbound-service (its id is the command's replyId) whose result lands here.
CREATE TABLE moderation (
    id              uuid PRIMARY KEY,
    message_id      uuid        NOT NULL REFERENCES message (id),
    conversation_id uuid        NOT NULL,
    action          text        NOT NULL,
    status          text        NOT NULL,
    agent_id        text        NOT NULL,
    failure_reason  text,
    idempotency_key text,
    requested_at    timestamptz NOT NULL,
    completed_at    timestamptz
);
CREATE INDEX moderation_of_message ON moderation (message_id, requested_at);
-- One action of a kind under way per item: a second click, or a colleague's, is refused rather than sent twice.
CREATE UNIQUE INDEX moderation_one_pending ON moderation (message_id, action) WHERE status = 'PENDING';
CREATE UNIQUE INDEX moderation_idempotency ON moderation (message_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- The brand liked the item (a like is not mirrored from the networks: they do not tell a page what it liked).
ALTER TABLE message ADD COLUMN liked boolean NOT NULL DEFAULT false;
