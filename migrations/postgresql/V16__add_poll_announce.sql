-- Whether the poll's final results are posted in its channel when it closes: PostgreSQL's version
-- of migrations/sqlite/V16__add_poll_announce.sql (announce:off at creation turns that post off for
-- this poll alone). TRUE for every poll from before this column, which were all announced.
ALTER TABLE poll ADD COLUMN announce BOOLEAN NOT NULL DEFAULT TRUE;
