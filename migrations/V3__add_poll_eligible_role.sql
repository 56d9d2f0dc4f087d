-- A poll may be limited to members holding one role (a Discord role id; another platform may use
-- its own group id). NULL: every member of the workspace may vote.
ALTER TABLE poll ADD COLUMN eligible_role TEXT;
