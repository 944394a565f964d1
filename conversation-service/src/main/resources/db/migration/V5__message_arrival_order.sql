-- Messages of the same instant (a burst of replies, a batch of events) keep the order they arrived in.
ALTER TABLE message ADD COLUMN seq bigserial;
DROP INDEX message_transcript;
CREATE INDEX message_transcript ON message (conversation_id, occurred_at, seq);
