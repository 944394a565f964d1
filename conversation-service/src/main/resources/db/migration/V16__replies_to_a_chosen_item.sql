-- A reply names the consumer's item it answers (the comment a bulk reply went to, or the latest public message),
-- so a post's comments can be told answered or not, and a bulk reply never answers the same comment twice.
ALTER TABLE message
    ADD COLUMN answers_message_id uuid,
    ADD COLUMN bulk_id            uuid;

CREATE INDEX message_answers ON message (answers_message_id) WHERE answers_message_id IS NOT NULL;
CREATE UNIQUE INDEX message_bulk_answers_once ON message (answers_message_id, reply_mode) WHERE bulk_id IS NOT NULL;

-- A brand post's comments (Facebook: under the post; X: replies to the tweet), public and from consumers.
CREATE INDEX message_under_post ON message ((coalesce(root_platform_id, parent_platform_id)), occurred_at)
    WHERE direction = 'INBOUND' AND visibility = 'PUBLIC';
