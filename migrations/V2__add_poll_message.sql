-- The platform message that shows a poll (Discord message id, Slack ts), so the bot can keep
-- its voter count current and mark it closed. NULL until the message is posted.
ALTER TABLE poll ADD COLUMN message_id TEXT;
