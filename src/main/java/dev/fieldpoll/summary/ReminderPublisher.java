package dev.fieldpoll.summary;

/** Posts a closing-soon reminder (with a Vote button where the platform has buttons). */
@FunctionalInterface
public interface ReminderPublisher {

    void remind(ClosingReminder reminder);
}
