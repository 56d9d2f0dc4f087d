package dev.fieldpoll.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.fieldpoll.bot.AppHome;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.PollBot;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab: when a member opens it (app_home_opened), the event is acked at once and, on the
 * work pool, the tab is published (views.publish) with the open polls of the channels Slack says the
 * member is in (users.conversations) and, for admins, the summary schedules. A failure is logged and
 * the tab says, in one line, that it could not be read. Thread-safe: it keeps no state of its own.
 */
final class SlackHomeHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackHomeHandlers.class);

    static final String UNREADABLE =
            "I couldn't read your polls just now. Open this tab again in a moment, or use `/poll list` in a channel.";

    private final PollBot bot;
    private final SlackCaller callers;
    private final SlackWeb web;
    private final SlackAcks acks;
    private final SlackHomeRenderer renderer;

    SlackHomeHandlers(PollBot bot, SlackCaller callers, SlackWeb web, SlackAcks acks, SlackHomeRenderer renderer) {
        this.bot = bot;
        this.callers = callers;
        this.web = web;
        this.acks = acks;
        this.renderer = renderer;
    }

    void register(App app) {
        app.event(AppHomeOpenedEvent.class, this::opened);
    }

    private Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (event != null && "home".equals(event.getTab())) {
            String team = payload.getTeamId();
            acks.afterwards(() -> publish(team, event.getUser(), event.getChannel()));
        }
        return ctx.ack();
    }

    private void publish(String team, String user, String appChannel) {
        View view;
        try {
            view = renderer.render(home(team, user, appChannel));
        } catch (RuntimeException failure) {
            log.error("The App Home of a member of team {} could not be read", team, failure);
            view = View.builder()
                    .type("home")
                    .blocks(List.of(Mrkdwn.section(UNREADABLE)))
                    .build();
        }
        SlackWeb.Result published = web.publishView(team, user, view);
        if (!published.ok()) {
            log.warn("Slack refused the App Home of a member of team {}: {}", team, published.error());
        }
    }

    /** The member's home; no polls when Slack does not say which channels they are in. */
    private AppHome home(String team, String user, String appChannel) {
        // the app's own channel with the member stands in for a channel: a home is not channel-bound
        Optional<Caller> caller = callers.of(new Origin(team, appChannel, user, null, null));
        if (caller.isEmpty()) {
            throw new IllegalArgumentException("an app_home_opened event without a team, user or channel");
        }
        Set<String> channels = web.memberChannels(team, user).orElseGet(Set::of);
        return bot.home(caller.get(), channels);
    }
}
