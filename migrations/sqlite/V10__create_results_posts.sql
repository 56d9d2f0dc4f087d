-- The results post of each closed poll: its final ranking posted once in the poll's channel.

-- One row per poll whose results post was claimed. claimed_at is a lease (a process that died
-- while posting is taken over after it); posted_at is set once the post is complete, or once it
-- was decided that none is owed (announce off). link is where the post can be opened (a
-- Discord message link, a Slack permalink), when the platform has one.
CREATE TABLE results_post (
    poll_id    INTEGER PRIMARY KEY REFERENCES poll (id),
    claimed_at TEXT NOT NULL,
    posted_at  TEXT,
    link       TEXT
) STRICT;

-- The parts of a results post (its message, its charts) already in the channel, so a retry or a
-- restart posts only what is missing. Deleted once the post is complete.
CREATE TABLE results_post_part (
    poll_id      INTEGER NOT NULL REFERENCES poll (id),
    part         TEXT    NOT NULL,
    delivered_at TEXT    NOT NULL,
    PRIMARY KEY (poll_id, part)
) STRICT;

-- Polls whose closing was handled before this migration are history: nothing is owed for them.
INSERT INTO results_post (poll_id, claimed_at, posted_at)
SELECT poll_id, claimed_at, COALESCE(handled_at, claimed_at)
FROM poll_closing;
