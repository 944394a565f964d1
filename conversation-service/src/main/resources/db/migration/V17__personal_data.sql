-- The kinds of personal data a consumer's public message shows everyone (EMAIL,PHONE,...), found once as it
-- arrives or is edited; null when none. Only the kinds: the values stay in the text, which is all that holds them.
ALTER TABLE message ADD COLUMN personal_data text;
