-- Queues and response-time targets: a conversation is in its brand's queue (no assignee) or owned by one
-- agent; while the consumer waits for an answer it carries when that wait began and when the answer is due.
ALTER TABLE conversation
    ADD COLUMN assignee_id       text,
    ADD COLUMN assigned_at       timestamptz,
    ADD COLUMN waiting_since     timestamptz,
    ADD COLUMN response_due_at   timestamptz,
    ADD COLUMN first_response_at timestamptz;

-- Conversations stored before this version: an agent's reply counts as their first response, and an open one
-- whose consumer wrote after the last reply is waiting, due by the shipped default targets (public 1 h,
-- private 4 h); targets configured since apply to the waits that begin from now on.
UPDATE conversation c
SET first_response_at = first.occurred_at
FROM (SELECT conversation_id, min(occurred_at) AS occurred_at
      FROM message
      WHERE direction = 'OUTBOUND'
      GROUP BY conversation_id) first
WHERE first.conversation_id = c.id;

UPDATE conversation c
SET waiting_since   = c.last_inbound_at,
    response_due_at = c.last_inbound_at
        + CASE WHEN c.last_inbound_visibility = 'PRIVATE' THEN interval '4 hours' ELSE interval '1 hour' END
WHERE c.status = 'OPEN'
  AND c.last_inbound_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM message m
                  WHERE m.conversation_id = c.id AND m.direction = 'OUTBOUND'
                    AND m.occurred_at >= c.last_inbound_at);

-- Take next: the brand's unassigned waiting conversations, the soonest due first.
CREATE INDEX conversation_queue ON conversation (brand_id, response_due_at, id)
    WHERE status = 'OPEN' AND assignee_id IS NULL;
-- Mine: an agent's open conversations.
CREATE INDEX conversation_assignee ON conversation (brand_id, assignee_id) WHERE status = 'OPEN';
-- A consumer writing again finds their latest conversation, open or recently closed, to reopen it.
CREATE INDEX conversation_of_consumer ON conversation (account_id, consumer_id, closed_at);

-- The brand's agents as the service has seen them (identities come from the identity provider's tokens): whom a
-- conversation can be assigned to.
CREATE TABLE agent (
    brand_id     text        NOT NULL,
    agent_id     text        NOT NULL,
    name         text        NOT NULL,
    last_seen_at timestamptz NOT NULL,
    PRIMARY KEY (brand_id, agent_id)
);
