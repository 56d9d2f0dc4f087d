-- Results pages (the web adapter): the secret that signs personal links, and which polls an admin
-- has made public.

-- One row: 32 random bytes keying HMAC-SHA256 over (poll, member, expiry) of every results-page
-- link. It lives with the polls, so a copy of the database (`fieldpoll web --db`) honours the links
-- its bot handed out, and it never leaves the database. SQLite's randomblob() is a ChaCha20 stream
-- seeded from the operating system's randomness.
CREATE TABLE web_link_secret (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    secret     BLOB    NOT NULL CHECK (length(secret) = 32),
    created_at TEXT    NOT NULL
) STRICT;

INSERT INTO web_link_secret (id, secret, created_at)
VALUES (1, randomblob(32), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- A poll's page is private (personal links only) unless a row here says public = 1. Each time an
-- admin makes it public the generation goes up and the public link names it, so a link taken back
-- stays dead even after the page is made public again.
CREATE TABLE poll_page (
    poll_id    INTEGER PRIMARY KEY REFERENCES poll (id),
    public     INTEGER NOT NULL CHECK (public IN (0, 1)),
    generation INTEGER NOT NULL CHECK (generation >= 1),
    changed_by TEXT    NOT NULL,
    changed_at TEXT    NOT NULL
) STRICT;
