-- Outbox ids are taken a hundred at a time (OutboxEntry), so a batch of events is written in batched INSERTs at
-- flush rather than an INSERT per event.
ALTER SEQUENCE outbox_id_seq INCREMENT BY 100;

-- Batched INSERTs are grouped per table, and a message's batch may go before its new conversation's: the
-- references are checked at commit.
ALTER TABLE message ALTER CONSTRAINT message_conversation_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE message_version ALTER CONSTRAINT message_version_message_id_fkey DEFERRABLE INITIALLY DEFERRED;
