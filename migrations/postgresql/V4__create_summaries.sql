-- Weekly summaries: PostgreSQL's version of migrations/sqlite/V4__create_summaries.sql. One
-- schedule per channel, a claim per period so a period is posted once even when several
-- processes share the database, and a snapshot of each posted poll to measure movement against
-- next week.

CREATE TABLE summary_schedule (
    platform     TEXT             NOT NULL,
    workspace_id TEXT COLLATE "C" NOT NULL,
    channel_id   TEXT COLLATE "C" NOT NULL,
    day_of_week  INTEGER          NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    -- HH:MM and a zone id, as the schedule was given
    local_time   TEXT             NOT NULL,
    zone         TEXT             NOT NULL,
    created_by   TEXT COLLATE "C" NOT NULL,
    -- runs due before this moment are not caught up: a new schedule starts with its next run
    created_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id)
);

-- One row per channel and scheduled run (its local date). claimed_at is a lease: a claim not
-- posted within it may be taken over, so a crash between claim and post does not lose the week.
CREATE TABLE summary_run (
    platform     TEXT             NOT NULL,
    workspace_id TEXT COLLATE "C" NOT NULL,
    channel_id   TEXT COLLATE "C" NOT NULL,
    period       DATE             NOT NULL,
    claimed_at   TIMESTAMPTZ      NOT NULL,
    posted_at    TIMESTAMPTZ,
    PRIMARY KEY (platform, workspace_id, channel_id, period)
);

CREATE TABLE summary_snapshot (
    poll_id  BIGINT      NOT NULL REFERENCES poll (id),
    taken_at TIMESTAMPTZ NOT NULL,
    voters   INTEGER     NOT NULL,
    PRIMARY KEY (poll_id, taken_at)
);

CREATE TABLE summary_snapshot_rank (
    poll_id   BIGINT           NOT NULL,
    taken_at  TIMESTAMPTZ      NOT NULL,
    field_key TEXT COLLATE "C" NOT NULL,
    rank      INTEGER          NOT NULL,
    PRIMARY KEY (poll_id, taken_at, field_key),
    FOREIGN KEY (poll_id, taken_at) REFERENCES summary_snapshot (poll_id, taken_at)
);

CREATE TABLE summary_snapshot_cell (
    poll_id    BIGINT           NOT NULL,
    taken_at   TIMESTAMPTZ      NOT NULL,
    field_key  TEXT COLLATE "C" NOT NULL,
    factor_key TEXT COLLATE "C" NOT NULL,
    label      TEXT             NOT NULL,
    PRIMARY KEY (poll_id, taken_at, field_key, factor_key),
    FOREIGN KEY (poll_id, taken_at) REFERENCES summary_snapshot (poll_id, taken_at)
);
