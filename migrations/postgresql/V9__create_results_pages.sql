-- Results pages (the web adapter): PostgreSQL's version of
-- migrations/sqlite/V9__create_results_pages.sql. The secret that signs personal links, and which
-- polls an admin has made public.

-- One row: 32 random bytes keying HMAC-SHA256 over (poll, member, expiry) of every results-page
-- link. It lives with the polls, so every process sharing the database, and a copy of it
-- (`fieldpoll web --db`), honours the links the bot handed out; it never leaves the database.
-- PostgreSQL has no random bytes without the pgcrypto extension, so they come from two
-- gen_random_uuid() (built in, from the server's strong random source): 244 random bits, as the
-- version and variant bits of each UUID are fixed.
CREATE TABLE web_link_secret (
    id         INTEGER     PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL CHECK (length(secret) = 32),
    created_at TIMESTAMPTZ NOT NULL
);

INSERT INTO web_link_secret (id, secret, created_at)
VALUES (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'),
        date_trunc('milliseconds', now()));

-- A poll's page is private (personal links only) unless a row here says public. Each time an
-- admin makes it public the generation goes up and the public link names it, so a link taken back
-- stays dead even after the page is made public again.
CREATE TABLE poll_page (
    poll_id    BIGINT           PRIMARY KEY REFERENCES poll (id),
    public     BOOLEAN          NOT NULL,
    generation INTEGER          NOT NULL CHECK (generation >= 1),
    changed_by TEXT COLLATE "C" NOT NULL,
    changed_at TIMESTAMPTZ      NOT NULL
);
