-- Slack for many workspaces (OAuth v2): PostgreSQL's version of
-- migrations/sqlite/V14__create_slack_installations.sql. One row per installed workspace, and the
-- install flows' single-use states.

-- The bot token is never stored in the clear: bot_token is a 12-byte AES-GCM nonce followed by the
-- ciphertext and its 16-byte tag, under the key in FIELDPOLL_SECRET_KEY (never in the database), with
-- the team id as associated data, so a token moved to another row does not decrypt. Uninstalling
-- (app_uninstalled, tokens_revoked) deletes the row.
CREATE TABLE slack_installation (
    team_id       TEXT COLLATE "C" PRIMARY KEY,
    enterprise_id TEXT COLLATE "C",
    bot_user_id   TEXT COLLATE "C" NOT NULL,
    bot_id        TEXT COLLATE "C",
    bot_token     BYTEA            NOT NULL CHECK (length(bot_token) > 28),
    scope         TEXT             NOT NULL,
    installed_at  TIMESTAMPTZ      NOT NULL
);

-- One row per install started on /slack/install; the redirect deletes it as it checks it, so a
-- state works once, in one process, and not after expires_at.
CREATE TABLE slack_oauth_state (
    state      TEXT COLLATE "C" PRIMARY KEY,
    expires_at TIMESTAMPTZ      NOT NULL
);
