-- The reply rules' facts live on the conversation and are updated as the consumer's messages arrive,
-- so a reply or a conversation's detail no longer reads the whole transcript.
ALTER TABLE conversation
    ADD COLUMN last_inbound_visibility text,
    ADD COLUMN last_inbound_at         timestamptz,
    ADD COLUMN last_private_at         timestamptz,
    ADD COLUMN last_public_message_id  uuid,
    ADD COLUMN last_public_at          timestamptz;

-- Conversations stored before this version: the same facts, derived once from their transcripts.
UPDATE conversation c
SET last_inbound_visibility = latest.visibility,
    last_inbound_at         = latest.occurred_at
FROM (SELECT DISTINCT ON (conversation_id) conversation_id, visibility, occurred_at
      FROM message
      WHERE direction = 'INBOUND'
      ORDER BY conversation_id, occurred_at DESC, seq DESC) latest
WHERE latest.conversation_id = c.id;

UPDATE conversation c
SET last_private_at = latest.occurred_at
FROM (SELECT conversation_id, max(occurred_at) AS occurred_at
      FROM message
      WHERE direction = 'INBOUND' AND visibility = 'PRIVATE'
      GROUP BY conversation_id) latest
WHERE latest.conversation_id = c.id;

UPDATE conversation c
SET last_public_message_id = latest.id,
    last_public_at         = latest.occurred_at
FROM (SELECT DISTINCT ON (conversation_id) conversation_id, id, occurred_at
      FROM message
      WHERE direction = 'INBOUND' AND visibility = 'PUBLIC' AND NOT deleted
      ORDER BY conversation_id, occurred_at DESC, seq DESC) latest
WHERE latest.conversation_id = c.id;

-- A private response is allowed once per comment: is there one for this comment already?
CREATE INDEX message_private_response ON message (conversation_id, target_platform_id)
    WHERE reply_mode = 'PRIVATE_RESPONSE';
