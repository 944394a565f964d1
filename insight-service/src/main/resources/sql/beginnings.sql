-- How the conversations of the new messages ($1) began: the earlier of what each had and its new messages (a reply
-- the network refused moves nothing).
WITH fresh AS (
    SELECT m.* FROM message_fact m
    WHERE m.message_id = ANY($1)
      AND NOT EXISTS (SELECT 1 FROM delivery_fact d WHERE d.message_id = m.message_id AND d.status = 'FAILED')
), earliest AS (
    SELECT conversation_id, min(brand_id) AS brand_id,
           (array_agg(channel ORDER BY occurred_at, message_id))[1] AS channel,
           min(occurred_at) AS started_at,
           (array_agg(visibility ORDER BY occurred_at, message_id))[1] AS started_as,
           min(occurred_at) FILTER (WHERE visibility = 'PRIVATE') AS private_at
    FROM fresh
    GROUP BY conversation_id
)
INSERT INTO conversation_fact (conversation_id, brand_id, channel, started_at, started_as, private_at, closed_at)
SELECT e.*, (SELECT min(c.closed_at) FROM closure_fact c WHERE c.conversation_id = e.conversation_id)
FROM earliest e
ON CONFLICT (conversation_id) DO UPDATE SET
    channel = CASE WHEN excluded.started_at < conversation_fact.started_at
                   THEN excluded.channel ELSE conversation_fact.channel END,
    started_as = CASE WHEN excluded.started_at < conversation_fact.started_at
                      THEN excluded.started_as ELSE conversation_fact.started_as END,
    started_at = LEAST(conversation_fact.started_at, excluded.started_at),
    private_at = LEAST(conversation_fact.private_at, excluded.private_at),
    closed_at = LEAST(conversation_fact.closed_at, excluded.closed_at)
