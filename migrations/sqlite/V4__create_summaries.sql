-- Weekly summaries: one schedule per channel, a claim per period so a period is posted once
-- even when two processes share the database, and a snapshot of each posted poll to measure
-- movement against next week.

CREATE TABLE summary_schedule (
    platform     TEXT    NOT NULL,
    workspace_id TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    day_of_week  INTEGER NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    local_time   TEXT    NOT NULL,
    zone         TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    -- runs due before this moment are not caught up: a new schedule starts with its next run
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id)
) STRICT;

-- One row per channel and scheduled run (its local date). claimed_at is a lease: a claim not
-- posted within it may be taken over, so a crash between claim and post does not lose the week.
CREATE TABLE summary_run (
    platform     TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    channel_id   TEXT NOT NULL,
    period       TEXT NOT NULL,
    claimed_at   TEXT NOT NULL,
    posted_at    TEXT,
    PRIMARY KEY (platform, workspace_id, channel_id, period)
) STRICT;

CREATE TABLE summary_snapshot (
    poll_id  INTEGER NOT NULL REFERENCES poll (id),
    taken_at TEXT    NOT NULL,
    voters   INTEGER NOT NULL,
    PRIMARY KEY (poll_id, taken_at)
) STRICT;

CREATE TABLE summary_snapshot_rank (
    poll_id   INTEGER NOT NULL,
    taken_at  TEXT    NOT NULL,
    field_key TEXT    NOT NULL,
    rank      INTEGER NOT NULL,
    PRIMARY KEY (poll_id, taken_at, field_key),
    FOREIGN KEY (poll_id, taken_at) REFERENCES summary_snapshot (poll_id, taken_at)
) STRICT;

CREATE TABLE summary_snapshot_cell (
    poll_id    INTEGER NOT NULL,
    taken_at   TEXT    NOT NULL,
    field_key  TEXT    NOT NULL,
    factor_key TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    PRIMARY KEY (poll_id, taken_at, field_key, factor_key),
    FOREIGN KEY (poll_id, taken_at) REFERENCES summary_snapshot (poll_id, taken_at)
) STRICT;
