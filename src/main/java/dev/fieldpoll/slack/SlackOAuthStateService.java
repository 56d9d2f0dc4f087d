package dev.fieldpoll.slack;

import com.slack.api.bolt.service.OAuthStateService;
import dev.fieldpoll.poll.InstallationStore;
import java.time.Clock;

/**
 * The states of installs under way, in the database: {@code /slack/install} stores one (and sets it
 * in the browser's cookie), and the redirect's check spends it, so a state works once, in whichever
 * process the redirect lands, and not after {@link #getExpirationInSeconds()}. Bolt compares the
 * query's state with the cookie before asking here. Thread-safe: it keeps no state; the store is.
 */
final class SlackOAuthStateService implements OAuthStateService {

    private final InstallationStore installations;
    private final Clock clock;

    SlackOAuthStateService(InstallationStore installations, Clock clock) {
        this.installations = installations;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        installations.addState(state, clock.instant().plusSeconds(getExpirationInSeconds()));
    }

    /**
     * Checks and spends the state in one statement: a replay, even racing in another process, finds
     * it gone. (Bolt calls this once per redirect, before exchanging the code.)
     */
    @Override
    public boolean isAvailableInDatabase(String state) {
        return installations.consumeState(state, clock.instant());
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        // already spent by isAvailableInDatabase
    }
}
