-- Two derived tables, so that a figure over months reads an index range instead of walking every conversation's
-- history. Derived (facts/Derived) from what each poll's new facts can change, so they come out the same whatever
-- order the facts came in.

-- Each time the consumer wrote while no answer was owed, and the brand's reply that ended it. A conversation's
-- turn n begins after the brand's n-th reply that did not fail.
CREATE TABLE wait_fact (
    conversation_id text        NOT NULL,
    turn            integer     NOT NULL,
    brand_id        text        NOT NULL,
    channel         text        NOT NULL,
    -- of the consumer's first message of the turn
    visibility      text        NOT NULL,
    asked_at        timestamptz NOT NULL,
    -- the message that began it: where a later poll resumes counting (two messages may share an instant)
    asked_message_id text       NOT NULL,
    answered_at     timestamptz,
    -- the agent whose reply ended it (absent when sent from the network's own tools)
    agent_id        text,
    PRIMARY KEY (conversation_id, turn)
);
CREATE INDEX wait_fact_brand_asked ON wait_fact (brand_id, asked_at);

-- How each conversation began (the first message's visibility), when it first turned private, when it was
-- first closed.
CREATE TABLE conversation_fact (
    conversation_id text        PRIMARY KEY,
    brand_id        text        NOT NULL,
    channel         text        NOT NULL,
    started_at      timestamptz NOT NULL,
    started_as      text        NOT NULL,
    private_at      timestamptz,
    closed_at       timestamptz
);
CREATE INDEX conversation_fact_brand_started ON conversation_fact (brand_id, started_at);

-- The facts stored before these tables existed, derived once as facts/Derived derives them (as of this version).
WITH history AS (
    SELECT m.*, count(*) FILTER (WHERE m.direction = 'OUTBOUND')
                    OVER (PARTITION BY m.conversation_id ORDER BY m.occurred_at, m.message_id)
                - CASE WHEN m.direction = 'OUTBOUND' THEN 1 ELSE 0 END AS turn
    FROM message_fact m
    WHERE NOT EXISTS (SELECT 1 FROM delivery_fact d WHERE d.message_id = m.message_id AND d.status = 'FAILED')
)
INSERT INTO wait_fact (conversation_id, turn, brand_id, channel, visibility, asked_at, asked_message_id,
                       answered_at, agent_id)
SELECT conversation_id, turn, min(brand_id), min(channel),
       (array_agg(visibility ORDER BY occurred_at, message_id) FILTER (WHERE direction = 'INBOUND'))[1],
       min(occurred_at) FILTER (WHERE direction = 'INBOUND'),
       (array_agg(message_id ORDER BY occurred_at, message_id) FILTER (WHERE direction = 'INBOUND'))[1],
       min(occurred_at) FILTER (WHERE direction = 'OUTBOUND'),
       min(agent_id) FILTER (WHERE direction = 'OUTBOUND')
FROM history GROUP BY conversation_id, turn
HAVING count(*) FILTER (WHERE direction = 'INBOUND') > 0;

INSERT INTO conversation_fact (conversation_id, brand_id, channel, started_at, started_as, private_at, closed_at)
SELECT m.conversation_id, min(m.brand_id), (array_agg(m.channel ORDER BY m.occurred_at, m.message_id))[1],
       min(m.occurred_at), (array_agg(m.visibility ORDER BY m.occurred_at, m.message_id))[1],
       min(m.occurred_at) FILTER (WHERE m.visibility = 'PRIVATE'),
       (SELECT min(c.closed_at) FROM closure_fact c WHERE c.conversation_id = m.conversation_id)
FROM message_fact m
WHERE NOT EXISTS (SELECT 1 FROM delivery_fact d WHERE d.message_id = m.message_id AND d.status = 'FAILED')
GROUP BY m.conversation_id;

-- Statistics for the planner at once, not at autovacuum's next pass.
ANALYZE wait_fact;
ANALYZE conversation_fact;
