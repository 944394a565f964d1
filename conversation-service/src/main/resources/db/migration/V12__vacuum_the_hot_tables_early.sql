-- Rows here churn far faster than PostgreSQL's default autovacuum thresholds (20% of the table) assume.
-- The outbox is a queue: every row is deleted milliseconds after its insert, so its dead rows soon outnumber
-- the live ones a thousand to one and every relay pass walks them. A conversation row is rewritten by each
-- message and never HOT-updated (updated_at is indexed for the workspace's list), so the lookup of a poll's open
-- conversations walks dead versions too. Measured on the development machine (autovacuum off there): with
-- 190,000 dead outbox rows and 140,000 dead conversation versions, end to end ran at 422 events/s, PostgreSQL
-- busy and the services idle; right after a VACUUM, 3,430 (benchmark/README.md). Vacuum them after a fixed
-- number of dead rows instead, without throttling.
ALTER TABLE outbox SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0
);
ALTER TABLE conversation SET (
    autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_analyze_scale_factor = 0.05,
    autovacuum_vacuum_cost_delay = 0
);
