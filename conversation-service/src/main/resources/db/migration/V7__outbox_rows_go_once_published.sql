-- A published outbox row is deleted in the transaction that saw Kafka acknowledge it: the table holds only what is
-- still to send, instead of every record ever announced.
DELETE FROM outbox WHERE published_at IS NOT NULL;
DROP INDEX outbox_unpublished;
ALTER TABLE outbox DROP COLUMN published_at;
