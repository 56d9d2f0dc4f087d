-- Closing-soon reminders: PostgreSQL's version of migrations/sqlite/V5__create_poll_reminders.sql.
-- One per poll at most. A row with enabled = FALSE turns the reminder off for that poll
-- (remind:off at creation); sent_at records the one reminder that was posted.
CREATE TABLE poll_reminder (
    poll_id BIGINT  PRIMARY KEY REFERENCES poll (id),
    enabled BOOLEAN NOT NULL,
    sent_at TIMESTAMPTZ
);
