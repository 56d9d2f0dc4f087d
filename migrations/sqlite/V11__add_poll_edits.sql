-- Editing an open poll (issue 14). A removed field keeps its row and its votes, marked by
-- removed_at, so adding it back by the same name restores them; every read of fields and votes
-- leaves removed fields out. SQLite's version; migrations/postgresql says TIMESTAMPTZ and BIGINT.
ALTER TABLE poll_field ADD COLUMN removed_at TEXT;

-- What changed in a poll after it was posted ("Field X added"), for the next summary to say.
-- seq orders the changes of one poll; detail is the change as members read it.
CREATE TABLE poll_change (
    poll_id    INTEGER NOT NULL REFERENCES poll (id),
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    changed_at TEXT    NOT NULL,
    changed_by TEXT    NOT NULL,
    detail     TEXT    NOT NULL,
    PRIMARY KEY (poll_id, seq)
) STRICT;
