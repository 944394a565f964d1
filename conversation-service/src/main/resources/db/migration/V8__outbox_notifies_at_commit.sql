-- Every statement that writes to the outbox notifies the relays; PostgreSQL delivers a NOTIFY only when its
-- transaction commits (and once per transaction), so they publish at once without any writer waking them.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
