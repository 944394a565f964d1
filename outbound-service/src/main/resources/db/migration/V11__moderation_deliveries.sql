-- A delivery may be a moderation action (hide, unhide, delete, like) rather than a reply: the same guarantees,
-- one network call per command id.
ALTER TABLE delivery ADD COLUMN action text NOT NULL DEFAULT 'REPLY';
