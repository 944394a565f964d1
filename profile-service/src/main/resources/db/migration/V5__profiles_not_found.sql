-- When the network last said the person does not exist or is not visible to the account: not asked again
-- for profile.not-found-ttl, however many messages they send meanwhile.
ALTER TABLE consumer_profile ADD COLUMN not_found_at timestamptz;
