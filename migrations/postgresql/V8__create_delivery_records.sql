-- What fieldpoll already delivered after a reply: PostgreSQL's version of
-- migrations/sqlite/V8__create_delivery_records.sql, with the same tables, keys and checks.

-- The parts of a summary post (its messages, its charts) already in the channel. A summary is
-- known by platform, workspace, channel, period and kind (the weekly one, or one an admin asked
-- for now), never by when it was built: a summary rebuilt for a retry resumes after the parts the
-- failed attempt delivered. The rows of a summary are deleted once it is complete; rows older than
-- a day are ignored.
CREATE TABLE summary_part (
    platform     TEXT             NOT NULL,
    workspace_id TEXT COLLATE "C" NOT NULL,
    channel_id   TEXT COLLATE "C" NOT NULL,
    period       DATE             NOT NULL,
    kind         TEXT             NOT NULL CHECK (kind IN ('WEEKLY', 'NOW')),
    part         TEXT COLLATE "C" NOT NULL,
    delivered_at TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id, period, kind, part)
);

-- The closing of each poll, handled once: its message redrawn as closed, and whatever else
-- listens for "poll closed". claimed_at is a lease (a process that died while handling it is
-- taken over after the lease); handled_at is set once it is done. A poll closed by time while
-- fieldpoll was down has no row, so the next start finds it.
CREATE TABLE poll_closing (
    poll_id    BIGINT      PRIMARY KEY REFERENCES poll (id),
    claimed_at TIMESTAMPTZ NOT NULL,
    handled_at TIMESTAMPTZ
);

-- Polls that closed before this migration are history: their closing counts as handled.
INSERT INTO poll_closing (poll_id, claimed_at, handled_at)
SELECT id, date_trunc('milliseconds', now()), date_trunc('milliseconds', now())
FROM poll
WHERE closed_at IS NOT NULL OR closes_at <= now();
