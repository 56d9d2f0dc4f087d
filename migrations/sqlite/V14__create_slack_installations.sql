-- Slack for many workspaces (OAuth v2): one row per installed workspace, and the install flows'
-- single-use states. PostgreSQL's version: migrations/postgresql/V14__create_slack_installations.sql.

-- The bot token is never stored in the clear: bot_token is a 12-byte AES-GCM nonce followed by the
-- ciphertext and its 16-byte tag, under the key in FIELDPOLL_SECRET_KEY (never in the database), with
-- the team id as associated data, so a token moved to another row does not decrypt. Uninstalling
-- (app_uninstalled, tokens_revoked) deletes the row.
CREATE TABLE slack_installation (
    team_id       TEXT PRIMARY KEY,
    enterprise_id TEXT,
    bot_user_id   TEXT NOT NULL,
    bot_id        TEXT,
    bot_token     BLOB NOT NULL CHECK (length(bot_token) > 28),
    scope         TEXT NOT NULL,
    installed_at  TEXT NOT NULL
) STRICT;

-- One row per install started on /slack/install; the redirect deletes it as it checks it, so a
-- state works once, in one process, and not after expires_at.
CREATE TABLE slack_oauth_state (
    state      TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
) STRICT;
