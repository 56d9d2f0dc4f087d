package dev.fieldpoll.summary;

/** Posts a closing-soon reminder (with a Vote button where the platform has buttons). */
@FunctionalInterface
public interface ReminderPublisher extends WorkspaceReach {

    void remind(ClosingReminder reminder);
}
