-- The W3C traceparent of the work that wrote the row: the relay publishes the record in that trace,
-- so a trace runs from the webhook through the stored message to its announcement. Null where nothing
-- was traced (tracing off, or a row written before this column).
ALTER TABLE outbox ADD COLUMN trace_parent text;
