-- Outbox ids are taken a hundred at a time (OutboxEntry), so a transaction's records are written in batched
-- INSERTs at flush rather than an INSERT per record.
ALTER SEQUENCE outbox_id_seq INCREMENT BY 100;
