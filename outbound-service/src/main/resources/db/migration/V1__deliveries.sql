-- One row per reply, keyed by its idempotency key: a redelivered command never sends twice.
-- SENDING is written before the network call and SENT/FAILED after it, so a crash in between is
-- found at the next start and reported DELIVERY_UNKNOWN instead of posted twice.
CREATE TABLE delivery (
    reply_id            text PRIMARY KEY,
    conversation_id     text        NOT NULL,
    account_id          text        NOT NULL,
    channel             text        NOT NULL,
    mode                text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DELIVERY_UNKNOWN')),
    platform_message_id text,
    error_code          text,
    error_message       text,
    attempts            integer     NOT NULL DEFAULT 0,
    requested_at        timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

CREATE INDEX delivery_in_flight ON delivery (status) WHERE status IN ('PENDING', 'SENDING');
