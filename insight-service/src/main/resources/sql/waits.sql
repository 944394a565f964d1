-- The waits of the changed conversations ($1), counted again from where their new facts can move anything ($2, $3:
-- the time and id of a conversation's earliest new message or failed reply; $4: whether a reply came or failed
-- there): the last wait that began before it,
-- whose start and turn number nothing new can move, or the first message where there is none. A turn holds the
-- consumer's messages after the brand's n-th reply that did not fail, and the reply that ends them; a turn without
-- a consumer's message is no wait. Only the consumer's messages after an open wait change nothing: they join it.
WITH changed AS (
    SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::boolean[])
        AS c(conversation_id, since, since_id, replied)
), resume AS (
    SELECT c.conversation_id, coalesce(w.turn, 0) AS first_turn, w.asked_at AS from_at, w.asked_message_id AS from_id
    FROM changed c
    LEFT JOIN LATERAL (
        SELECT turn, asked_at, asked_message_id, answered_at FROM wait_fact w
        WHERE w.conversation_id = c.conversation_id AND (w.asked_at, w.asked_message_id) < (c.since, c.since_id)
        ORDER BY w.turn DESC LIMIT 1) w ON true
    WHERE c.replied OR w.turn IS NULL OR w.answered_at IS NOT NULL
), history AS (
    SELECT m.*,
           r.first_turn
               + count(*) FILTER (WHERE m.direction = 'OUTBOUND')
                     OVER (PARTITION BY m.conversation_id ORDER BY m.occurred_at, m.message_id)
               - CASE WHEN m.direction = 'OUTBOUND' THEN 1 ELSE 0 END AS turn
    FROM resume r
    JOIN message_fact m ON m.conversation_id = r.conversation_id
        AND (r.from_at IS NULL OR (m.occurred_at, m.message_id) >= (r.from_at, r.from_id))
    WHERE NOT EXISTS (SELECT 1 FROM delivery_fact d WHERE d.message_id = m.message_id AND d.status = 'FAILED')
), turns AS (
    SELECT conversation_id, turn, min(brand_id) AS brand_id, min(channel) AS channel,
           (array_agg(visibility ORDER BY occurred_at, message_id) FILTER (WHERE direction = 'INBOUND'))[1] AS visibility,
           min(occurred_at) FILTER (WHERE direction = 'INBOUND') AS asked_at,
           (array_agg(message_id ORDER BY occurred_at, message_id) FILTER (WHERE direction = 'INBOUND'))[1] AS asked_message_id,
           min(occurred_at) FILTER (WHERE direction = 'OUTBOUND') AS answered_at,
           min(agent_id) FILTER (WHERE direction = 'OUTBOUND') AS agent_id
    FROM history
    GROUP BY conversation_id, turn
    HAVING count(*) FILTER (WHERE direction = 'INBOUND') > 0
), gone AS (
    DELETE FROM wait_fact w USING resume r
    WHERE w.conversation_id = ANY($1) AND w.conversation_id = r.conversation_id AND w.turn >= r.first_turn
      AND NOT EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = w.conversation_id AND t.turn = w.turn)
)
INSERT INTO wait_fact (conversation_id, turn, brand_id, channel, visibility, asked_at, asked_message_id, answered_at,
                       agent_id)
SELECT conversation_id, turn, brand_id, channel, visibility, asked_at, asked_message_id, answered_at, agent_id
FROM turns
ON CONFLICT (conversation_id, turn) DO UPDATE SET
    brand_id = excluded.brand_id, channel = excluded.channel, visibility = excluded.visibility,
    asked_at = excluded.asked_at, asked_message_id = excluded.asked_message_id,
    answered_at = excluded.answered_at, agent_id = excluded.agent_id
