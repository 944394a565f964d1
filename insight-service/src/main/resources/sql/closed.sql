-- New closures ($1 conversations, $2 when): a conversation was first closed at the earliest of them. One closed
-- before any of its messages came is taken in when they come (beginnings.sql).
UPDATE conversation_fact f SET closed_at = LEAST(f.closed_at, c.closed_at)
FROM (SELECT conversation_id, min(closed_at) AS closed_at
      FROM unnest($1::text[], $2::timestamptz[]) AS u(conversation_id, closed_at)
      GROUP BY conversation_id) c
WHERE f.conversation_id = c.conversation_id
