-- The connected accounts of every brand. A page or X account is connected once, to one brand. The credential is
-- a SealedCredential (service-support's CredentialVault): never the token itself.
CREATE TABLE account (
    id              text        PRIMARY KEY,
    brand_id        text        NOT NULL,
    channel         text        NOT NULL,
    external_id     text        NOT NULL,
    display_name    text        NOT NULL,
    page_name       text,
    handle          text,
    receive_public  boolean     NOT NULL,
    receive_private boolean     NOT NULL,
    credential      text        NOT NULL,
    connected_at    timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT account_connected_once UNIQUE (channel, external_id)
);
CREATE INDEX account_by_brand ON account (brand_id);

-- Every change of an account is announced on the compacted social.account.v1 through the outbox, written in the
-- transaction of the change (service-support's OutboxRelay). A disconnection is a tombstone: no payload.
CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    payload      text,
    created_at   timestamptz NOT NULL,
    trace_parent text
);

-- PostgreSQL delivers a NOTIFY at commit only, once per transaction: the relays publish at once.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
