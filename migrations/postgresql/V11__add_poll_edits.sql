-- Editing an open poll (issue 14): PostgreSQL's version of migrations/sqlite/V11__add_poll_edits.sql.
-- A removed field keeps its row and its votes, marked by removed_at, so adding it back by the same
-- name restores them; every read of fields and votes leaves removed fields out.
ALTER TABLE poll_field ADD COLUMN removed_at TIMESTAMPTZ;

-- What changed in a poll after it was posted ("Field X added"), for the next summary to say.
CREATE TABLE poll_change (
    poll_id    BIGINT      NOT NULL REFERENCES poll (id),
    seq        INTEGER     NOT NULL CHECK (seq >= 1),
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by TEXT        NOT NULL,
    detail     TEXT        NOT NULL,
    PRIMARY KEY (poll_id, seq)
);
