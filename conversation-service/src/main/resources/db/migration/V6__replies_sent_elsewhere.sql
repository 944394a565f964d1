-- A message the brand sent to a consumer from the network's own tools (Facebook's Page inbox, the X app),
-- shown in the transcript so an agent sees that someone already answered.
ALTER TABLE message ADD COLUMN sent_outside boolean NOT NULL DEFAULT false;

-- Our replies still waiting for the network's id: an echo that arrives before the delivery result is matched
-- against these.
CREATE INDEX message_awaiting_platform_id ON message (account_id)
    WHERE direction = 'OUTBOUND' AND platform_id IS NULL;
