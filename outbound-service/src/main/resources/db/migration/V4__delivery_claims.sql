-- A claim (SENDING) is a lease: the replica that took it calls the network and finishes the row well
-- within claim_expires_at. A row still SENDING after it belonged to a replica that died mid-call; any
-- replica reports it DELIVERY_UNKNOWN then. A live replica's call is never taken for a dead one's.
ALTER TABLE delivery ADD COLUMN claim_expires_at timestamptz;
UPDATE delivery SET claim_expires_at = updated_at WHERE status = 'SENDING';

CREATE INDEX delivery_claims ON delivery (claim_expires_at) WHERE status = 'SENDING';
