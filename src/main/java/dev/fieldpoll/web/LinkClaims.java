package dev.fieldpoll.web;

import dev.fieldpoll.bot.PageViewer;
import dev.fieldpoll.poll.Platform;
import java.time.Instant;
import java.util.Objects;

/** What a results-page link says, once its signature is checked: whose page, or a public page. */
sealed interface LinkClaims {

    long pollId();

    /** One member's page of one poll, until {@code expires}; {@code admin} as the chat saw them then. */
    record Personal(long pollId, Platform platform, String workspaceId, String userId, boolean admin, Instant expires)
            implements LinkClaims {
        public Personal {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(expires, "expires");
        }

        public PageViewer viewer() {
            return new PageViewer(platform, workspaceId, userId, admin);
        }
    }

    /** The public page of a poll in one generation of its sharing. */
    record Shared(long pollId, int generation) implements LinkClaims {}
}
