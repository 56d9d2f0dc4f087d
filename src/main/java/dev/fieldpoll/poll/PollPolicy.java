package dev.fieldpoll.poll;

/** Community rules from configuration: who may start polls. Closing is for the creator or an admin. */
public record PollPolicy(boolean onlyAdminsCreate) {

    public static final PollPolicy OPEN = new PollPolicy(false);
}
