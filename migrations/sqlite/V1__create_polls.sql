-- Polls, their definitions (copied in at creation) and the votes.
--
-- Times are UTC text of one fixed width, yyyy-MM-ddTHH:mm:ss.SSSZ, so text order is time order.
-- STRICT tables make SQLite refuse values of the wrong type, so the CHECKs below really hold.
-- The statements are plain SQL except STRICT, AUTOINCREMENT and BLOB; a PostgreSQL schema
-- would say BIGINT GENERATED ALWAYS AS IDENTITY and BYTEA there and keep the rest.

CREATE TABLE poll (
    -- AUTOINCREMENT: an id is never reused, so a button of a deleted poll cannot vote in a new one.
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    platform           TEXT    NOT NULL CHECK (platform IN ('DISCORD', 'SLACK', 'CONSOLE')),
    workspace_id       TEXT    NOT NULL,
    channel_id         TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    template_key       TEXT,
    scale_min          INTEGER NOT NULL,
    scale_max          INTEGER NOT NULL,
    results_visibility TEXT    NOT NULL CHECK (results_visibility IN ('AFTER_VOTE', 'LIVE', 'AFTER_CLOSE')),
    created_by         TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    closes_at          TEXT,
    closed_at          TEXT,
    -- 32 random bytes that key voter pseudonyms in exports; never leaves the database otherwise.
    pseudonym_secret   BLOB    NOT NULL CHECK (length(pseudonym_secret) = 32),
    CHECK (scale_min >= 0 AND scale_max <= 100 AND scale_min < scale_max)
) STRICT;

-- Listing a channel's polls, newest first.
CREATE INDEX poll_by_channel ON poll (platform, workspace_id, channel_id, created_at);

CREATE TABLE poll_field (
    poll_id     INTEGER NOT NULL REFERENCES poll (id),
    position    INTEGER NOT NULL,
    field_key   TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL,
    PRIMARY KEY (poll_id, field_key),
    UNIQUE (poll_id, position)
) STRICT;

CREATE TABLE poll_factor (
    poll_id    INTEGER NOT NULL REFERENCES poll (id),
    position   INTEGER NOT NULL,
    factor_key TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    question   TEXT    NOT NULL,
    low_label  TEXT    NOT NULL,
    high_label TEXT    NOT NULL,
    weight     REAL    NOT NULL CHECK (weight > 0),
    PRIMARY KEY (poll_id, factor_key),
    UNIQUE (poll_id, position)
) STRICT;

-- The author's own scores, compared with the community's.
CREATE TABLE poll_reference (
    poll_id    INTEGER NOT NULL,
    field_key  TEXT    NOT NULL,
    factor_key TEXT    NOT NULL,
    score      REAL    NOT NULL,
    PRIMARY KEY (poll_id, field_key, factor_key),
    FOREIGN KEY (poll_id, field_key) REFERENCES poll_field (poll_id, field_key),
    FOREIGN KEY (poll_id, factor_key) REFERENCES poll_factor (poll_id, factor_key)
) STRICT;

-- One row per voter x field x factor; voting again replaces the row.
-- score NULL is "don't know", which is not a midpoint.
-- The foreign keys make a vote for a cell the poll lacks impossible, whatever a client sends.
CREATE TABLE vote (
    poll_id    INTEGER NOT NULL REFERENCES poll (id),
    voter_id   TEXT    NOT NULL,
    field_key  TEXT    NOT NULL,
    factor_key TEXT    NOT NULL,
    score      INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100),
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (poll_id, voter_id, field_key, factor_key),
    FOREIGN KEY (poll_id, field_key) REFERENCES poll_field (poll_id, field_key),
    FOREIGN KEY (poll_id, factor_key) REFERENCES poll_factor (poll_id, factor_key)
) STRICT;

-- Counting a poll's cells reads this index alone, never the votes themselves;
-- it also serves the foreign key to poll_field.
CREATE INDEX vote_by_cell ON vote (poll_id, field_key, factor_key, score);
