-- Closing-soon reminders: one per poll at most. A row with enabled = 0 turns the reminder off for
-- that poll (remind:off at creation); sent_at records the one reminder that was posted.
CREATE TABLE poll_reminder (
    poll_id INTEGER PRIMARY KEY REFERENCES poll (id),
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    sent_at TEXT
) STRICT;
