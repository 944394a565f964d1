-- A reply that failed may have been its conversation's first private message: the beginnings of these
-- conversations ($1) from all their facts again. Rare: a network refusing a reply.
INSERT INTO conversation_fact (conversation_id, brand_id, channel, started_at, started_as, private_at, closed_at)
SELECT m.conversation_id, min(m.brand_id),
       (array_agg(m.channel ORDER BY m.occurred_at, m.message_id))[1],
       min(m.occurred_at),
       (array_agg(m.visibility ORDER BY m.occurred_at, m.message_id))[1],
       min(m.occurred_at) FILTER (WHERE m.visibility = 'PRIVATE'),
       (SELECT min(c.closed_at) FROM closure_fact c WHERE c.conversation_id = m.conversation_id)
FROM message_fact m
WHERE m.conversation_id = ANY($1)
  AND NOT EXISTS (SELECT 1 FROM delivery_fact d WHERE d.message_id = m.message_id AND d.status = 'FAILED')
GROUP BY m.conversation_id
ON CONFLICT (conversation_id) DO UPDATE SET
    channel = excluded.channel, started_at = excluded.started_at, started_as = excluded.started_as,
    private_at = excluded.private_at, closed_at = excluded.closed_at
