package dev.fieldpoll.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2SuccessHandler;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.fieldpoll.poll.Installation;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and uninstalls, for the app in many workspaces. The end of Bolt's OAuth flow: once Bolt
 * has checked the state and exchanged the code (oauth.v2.access), the workspace's bot and token are
 * saved and the browser gets a page saying so; a stale state, a cancelled install, Slack's refusal or
 * a fault of ours each get a friendly page instead. The events app_uninstalled and tokens_revoked
 * (of the bot's token) delete the workspace's installation. Every handler catches at its edge.
 * Thread-safe: it keeps no state of its own.
 */
final class SlackInstallHandlers {

    private static final Logger log = LoggerFactory.getLogger(SlackInstallHandlers.class);
    private static final String HTML = "text/html; charset=utf-8";

    private final SlackInstallationService installations;
    private final SlackInstallPageRenderer pages;
    private final Slack slack;
    private final Clock clock;

    SlackInstallHandlers(
            SlackInstallationService installations, SlackInstallPageRenderer pages, Slack slack, Clock clock) {
        this.installations = installations;
        this.pages = pages;
        this.slack = slack;
        this.clock = clock;
    }

    /** Registers the handlers on the app; after {@code app.service(installationService)}, which resets them. */
    void register(App app) {
        app.oauthCallback((OAuthV2SuccessHandler) this::installed);
        app.oauthCallbackStateError(
                (request, response) -> page(response, 400, SlackInstallPageRenderer.Failure.STALE_LINK));
        app.oauthCallbackError((request, response) -> {
            log.info(
                    "Slack: an install was cancelled ({})", request.getPayload().getError());
            return page(response, 200, SlackInstallPageRenderer.Failure.CANCELLED);
        });
        app.oauthCallbackAccessError((OAuthV2AccessErrorHandler) (request, response, refused) -> {
            log.warn("Slack: oauth.v2.access refused an install: {}", refused.getError());
            return page(response, 400, SlackInstallPageRenderer.Failure.REFUSED);
        });
        app.oauthCallbackException((request, response, failure) -> {
            log.error("Slack: an install could not be completed", failure);
            return page(response, 500, SlackInstallPageRenderer.Failure.BROKEN);
        });
        app.event(AppUninstalledEvent.class, this::appUninstalled);
        app.event(TokensRevokedEvent.class, this::tokensRevoked);
    }

    private Response installed(OAuthCallbackRequest request, Response response, OAuthV2AccessResponse granted) {
        try {
            if (granted.getTeam() == null || granted.getTeam().getId() == null || granted.getAccessToken() == null) {
                log.warn("Slack: an install without a workspace or bot token was refused (enterprise-wide?)");
                return page(response, 400, SlackInstallPageRenderer.Failure.NOT_A_WORKSPACE);
            }
            String team = granted.getTeam().getId();
            installations.save(new Installation(
                    team,
                    Optional.ofNullable(granted.getEnterprise()).map(OAuthV2AccessResponse.Enterprise::getId),
                    granted.getBotUserId(),
                    botId(granted.getAccessToken()),
                    granted.getAccessToken(),
                    granted.getScope() == null ? "" : granted.getScope(),
                    clock.instant()));
            return html(response, 200, pages.installed(granted.getTeam().getName()));
        } catch (RuntimeException failure) {
            log.error("Slack: the installation could not be saved", failure);
            return page(response, 500, SlackInstallPageRenderer.Failure.BROKEN);
        }
    }

    /** The bot's id (B…), which Slack tells only through auth.test with the new token; empty when it does not. */
    private Optional<String> botId(String token) {
        try {
            AuthTestResponse test = slack.methods(token).authTest(request -> request);
            if (test.isOk()) {
                return Optional.ofNullable(test.getBotId());
            }
            log.warn("Slack: auth.test with a new installation's token failed: {}", test.getError());
        } catch (IOException | SlackApiException | RuntimeException failure) {
            // the bot id is a nicety: an install never fails for want of it
            log.warn("Slack: auth.test with a new installation's token failed", failure);
        }
        return Optional.empty();
    }

    private Response appUninstalled(EventsApiPayload<AppUninstalledEvent> event, EventContext ctx) {
        return uninstall(event.getTeamId(), ctx);
    }

    private Response tokensRevoked(EventsApiPayload<TokensRevokedEvent> event, EventContext ctx) {
        TokensRevokedEvent.Tokens tokens = event.getEvent().getTokens();
        List<String> bots = tokens == null || tokens.getBot() == null ? List.of() : tokens.getBot();
        if (bots.isEmpty()) {
            return ctx.ack(); // user tokens only: fieldpoll keeps none
        }
        return uninstall(event.getTeamId(), ctx);
    }

    private Response uninstall(String team, EventContext ctx) {
        try {
            installations.uninstall(team);
        } catch (RuntimeException failure) {
            log.error("Slack: the uninstall of workspace {} could not be recorded", team, failure);
            return Response.error(500); // Slack sends the event again
        }
        return ctx.ack();
    }

    private Response page(Response response, int status, SlackInstallPageRenderer.Failure failure) {
        return html(response, status, pages.failed(failure));
    }

    private static Response html(Response response, int status, String body) {
        response.setStatusCode(status);
        response.setContentType(HTML);
        response.setBody(body);
        return response;
    }
}
