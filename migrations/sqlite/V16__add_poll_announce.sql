-- Whether the poll's final results are posted in its channel when it closes (announce:off at
-- creation turns that post off for this poll alone). 1 for every poll from before this column,
-- which were all announced. SQLite's version; migrations/postgresql says BOOLEAN.
ALTER TABLE poll ADD COLUMN announce INTEGER NOT NULL DEFAULT 1 CHECK (announce IN (0, 1));
