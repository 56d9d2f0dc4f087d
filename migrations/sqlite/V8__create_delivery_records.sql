-- What fieldpoll already delivered after a reply, so a retry or a restart neither repeats nor
-- forgets it.

-- The parts of a summary post (its messages, its charts) already in the channel. A summary is
-- known by platform, workspace, channel, period and kind (the weekly one, or one an admin asked
-- for now), never by when it was built: a summary rebuilt for a retry resumes after the parts the
-- failed attempt delivered. The rows of a summary are deleted once it is complete; rows older than
-- a day are ignored.
CREATE TABLE summary_part (
    platform     TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    channel_id   TEXT NOT NULL,
    period       TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('WEEKLY', 'NOW')),
    part         TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id, period, kind, part)
) STRICT;

-- The closing of each poll, handled once: its message redrawn as closed, and whatever else
-- listens for "poll closed". claimed_at is a lease (a process that died while handling it is
-- taken over after the lease); handled_at is set once it is done. A poll closed by time while
-- fieldpoll was down has no row, so the next start finds it.
CREATE TABLE poll_closing (
    poll_id    INTEGER PRIMARY KEY REFERENCES poll (id),
    claimed_at TEXT NOT NULL,
    handled_at TEXT
) STRICT;

-- Polls that closed before this migration are history: their closing counts as handled.
INSERT INTO poll_closing (poll_id, claimed_at, handled_at)
SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM poll
WHERE closed_at IS NOT NULL OR closes_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
