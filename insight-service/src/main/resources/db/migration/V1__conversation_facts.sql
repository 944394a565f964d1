-- What insight-service keeps of social.conversation.v1: facts, not figures. Every figure is computed from
-- them when asked, so a fact may arrive in any order, twice, or on a replay, and the answer is the same.
-- The topic keeps 7 days; these tables keep the history.

-- Every message of every conversation (a consumer's message or the brand's reply), once.
CREATE TABLE message_fact (
    message_id      text        PRIMARY KEY,
    conversation_id text        NOT NULL,
    brand_id        text        NOT NULL,
    channel         text        NOT NULL,
    direction       text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    visibility      text        NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    occurred_at     timestamptz NOT NULL,
    -- an agent's reply from the workspace: who wrote it and how it went out
    agent_id        text,
    reply_mode      text,
    sent_outside    boolean     NOT NULL DEFAULT false
);
-- a brand's period; a conversation's history in order (the waits and their answers)
CREATE INDEX message_fact_brand_time ON message_fact (brand_id, occurred_at);
CREATE INDEX message_fact_conversation_time ON message_fact (conversation_id, occurred_at, message_id);

-- A reply's latest delivery status (PENDING, SENT, FAILED, DELIVERY_UNKNOWN), latest by its own time.
CREATE TABLE delivery_fact (
    message_id      text        PRIMARY KEY,
    conversation_id text        NOT NULL,
    brand_id        text        NOT NULL,
    status          text        NOT NULL,
    failure_reason  text,
    changed_at      timestamptz NOT NULL
);

-- Each time an agent closed a conversation.
CREATE TABLE closure_fact (
    conversation_id text        NOT NULL,
    closed_at       timestamptz NOT NULL,
    brand_id        text        NOT NULL,
    closed_by       text,
    PRIMARY KEY (conversation_id, closed_at)
);
