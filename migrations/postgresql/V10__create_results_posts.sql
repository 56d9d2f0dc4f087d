-- The results post of each closed poll: PostgreSQL's version of
-- migrations/sqlite/V10__create_results_posts.sql, with the same tables, keys and checks.

-- One row per poll whose results post was claimed. claimed_at is a lease (a process that died
-- while posting is taken over after it); posted_at is set once the post is complete, or once it
-- was decided that none is owed (announce off). link is where the post can be opened (a
-- Discord message link, a Slack permalink), when the platform has one.
CREATE TABLE results_post (
    poll_id    BIGINT      PRIMARY KEY REFERENCES poll (id),
    claimed_at TIMESTAMPTZ NOT NULL,
    posted_at  TIMESTAMPTZ,
    link       TEXT
);

-- The parts of a results post (its message, its charts) already in the channel, so a retry or a
-- restart posts only what is missing. Deleted once the post is complete.
CREATE TABLE results_post_part (
    poll_id      BIGINT           NOT NULL REFERENCES poll (id),
    part         TEXT COLLATE "C" NOT NULL,
    delivered_at TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (poll_id, part)
);

-- Polls whose closing was handled before this migration are history: nothing is owed for them.
INSERT INTO results_post (poll_id, claimed_at, posted_at)
SELECT poll_id, claimed_at, COALESCE(handled_at, claimed_at)
FROM poll_closing;
