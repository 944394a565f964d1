-- An agent's reply remembers how it went out and what it answered: a private response may be sent
-- once per comment, so the rules must know which comments have had one.
ALTER TABLE message ADD COLUMN reply_mode text;
ALTER TABLE message ADD COLUMN target_platform_id text;

-- The default reply mode is read from the transcript now, with the other reply rules.
ALTER TABLE conversation DROP COLUMN last_inbound_visibility;
