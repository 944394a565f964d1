-- The W3C traceparent of the reply's arrival: an attempt the scheduler makes later (a retry, a postponed send)
-- joins the reply's trace instead of starting one of its own. Null where nothing was traced.
ALTER TABLE delivery ADD COLUMN trace_parent text;
