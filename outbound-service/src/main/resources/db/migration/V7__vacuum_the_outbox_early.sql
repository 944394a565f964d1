-- The outbox is a queue: every row is deleted milliseconds after its insert, so with PostgreSQL's default
-- autovacuum threshold (20% of the table) its dead rows soon outnumber the live ones a thousand to one and every
-- relay pass walks them. Vacuum it after a fixed number of dead rows instead, without throttling
-- (conversation-service's V12 says what was measured).
ALTER TABLE outbox SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0
);
