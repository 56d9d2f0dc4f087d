package dev.fieldpoll.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.users.UsersConversationsResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack Web API calls fieldpoll makes, each returning what happened instead of throwing:
 * a failed call is logged (never with a token) and reported as Slack's error code. Each call is
 * made with the token of the workspace (team) it is for, from {@link SlackTeamClients}; a team that
 * has not installed the app gets {@link #NOT_INSTALLED} and nothing is sent. Thread-safe: it keeps
 * no state besides the thread-safe clients.
 */
final class SlackWeb {

    private static final Logger log = LoggerFactory.getLogger(SlackWeb.class);

    /** The outcome of a call: ok with a value (a message ts, a view id), or Slack's error code. */
    record Result(boolean ok, String value, String error) {

        static Result success(String value) {
            return new Result(true, value, null);
        }

        static Result failure(String error) {
            return new Result(false, null, error == null ? "unknown_error" : error);
        }
    }

    /** The error of a call for a team that has not installed the app (or uninstalled it): nothing was sent. */
    static final String NOT_INSTALLED = "not_installed";

    private static final int MEMBER_CHANNEL_PAGES = 5;

    /** Slack's answers that say the token no longer works: the team's remembered client is dropped. */
    private static final Set<String> TOKEN_GONE = Set.of("invalid_auth", "token_revoked", "account_inactive");

    private final Slack slack;
    private final SlackTeamClients clients;

    SlackWeb(Slack slack, SlackTeamClients clients) {
        this.slack = slack;
        this.clients = clients;
    }

    /** Whether calls for the team can be made: always with one configured token, else while it is installed. */
    boolean serves(String team) {
        return clients.forTeam(team).isPresent();
    }

    /** The team's client, or null when it has none (not installed). */
    private MethodsClient client(String team) {
        return clients.forTeam(team).orElse(null);
    }

    Result postMessage(String team, String channel, SlackMessage message) {
        return post(team, channel, null, message, false);
    }

    /**
     * A reply in the thread of message {@code threadTs}; with {@code broadcast} also sent to the
     * channel ("also send to channel"). The value is the reply's ts.
     */
    Result postReply(String team, String channel, String threadTs, SlackMessage message, boolean broadcast) {
        return post(team, channel, threadTs, message, broadcast);
    }

    /** chat.postMessage, in a thread when {@code threadTs} is not null. */
    private Result post(String team, String channel, String threadTs, SlackMessage message, boolean broadcast) {
        return call(
                team,
                "chat.postMessage",
                client -> client.chatPostMessage(request -> {
                    request.channel(channel)
                            .text(message.text())
                            .blocks(message.blocks())
                            .unfurlLinks(false)
                            .unfurlMedia(false);
                    return threadTs == null
                            ? request
                            : request.threadTs(threadTs).replyBroadcast(broadcast);
                }),
                ChatPostMessageResponse::getTs);
    }

    /** The permalink of a message, which opens it (in its thread) for anyone in the channel. */
    Result permalink(String team, String channel, String ts) {
        return call(
                team,
                "chat.getPermalink",
                client -> client.chatGetPermalink(
                        request -> request.channel(channel).messageTs(ts)),
                ChatGetPermalinkResponse::getPermalink);
    }

    Result update(String team, String channel, String ts, SlackMessage message) {
        return call(
                team,
                "chat.update",
                client -> client.chatUpdate(request ->
                        request.channel(channel).ts(ts).text(message.text()).blocks(message.blocks())),
                updated -> ts);
    }

    Result postEphemeral(String team, String channel, String user, SlackMessage message) {
        return call(
                team,
                "chat.postEphemeral",
                client -> client.chatPostEphemeral(request ->
                        request.channel(channel).user(user).text(message.text()).blocks(message.blocks())),
                posted -> null);
    }

    Result openView(String team, String triggerId, View view) {
        return call(
                team,
                "views.open",
                client ->
                        client.viewsOpen(request -> request.triggerId(triggerId).view(view)),
                answered -> null);
    }

    Result updateView(String team, String viewId, View view) {
        return call(
                team,
                "views.update",
                client -> client.viewsUpdate(request -> request.viewId(viewId).view(view)),
                answered -> null);
    }

    /**
     * Uploads a file and shares it in the channel with files.uploadV2: Bolt asks
     * files.getUploadURLExternal for an upload URL, POSTs the bytes there, then calls
     * files.completeUploadExternal with the channel. The value is the file id.
     */
    Result uploadFile(String team, String channel, SlackFile file) {
        return uploadFile(team, channel, null, file);
    }

    /** The same, shared in the thread of message {@code threadTs} when it is not null. */
    Result uploadFile(String team, String channel, String threadTs, SlackFile file) {
        MethodsClient client = client(team);
        if (client == null) {
            return Result.failure(NOT_INSTALLED);
        }
        try {
            FilesUploadV2Response response = client.filesUploadV2(request -> request.channel(channel)
                    .threadTs(threadTs)
                    .filename(file.fileName())
                    .title(file.title())
                    .altTxt(file.altText())
                    .fileData(file.content()));
            return response.isOk()
                    ? Result.success(
                            response.getFile() == null
                                    ? null
                                    : response.getFile().getId())
                    : failed(team, "files.uploadV2", response);
        } catch (SlackFilesUploadV2Exception refused) {
            String error = uploadError(refused);
            log.warn(
                    "Slack files.uploadV2 of {} failed: {}{}",
                    file.fileName(),
                    error,
                    "missing_scope".equals(error) ? " (needs scope files:write)" : "");
            return Result.failure(error);
        } catch (IOException | SlackApiException failure) {
            return failed(team, "files.uploadV2", failure);
        }
    }

    /** Which of the three steps of files.uploadV2 failed, as Slack's error code (or the upload's HTTP status). */
    private static String uploadError(SlackFilesUploadV2Exception refused) {
        FilesCompleteUploadExternalResponse complete = refused.getCompleteResponse();
        if (complete != null && !complete.isOk()) {
            return complete.getError();
        }
        for (FilesGetUploadURLExternalResponse url : refused.getGetURLResponses()) {
            if (!url.isOk()) {
                return url.getError();
            }
        }
        return refused.getUploadResponses().values().stream()
                .filter(upload -> upload.getCode() != 200)
                .map(upload -> "upload_http_" + upload.getCode())
                .findFirst()
                .orElse("upload_failed");
    }

    /** conversations.open: the direct message between the app and {@code user}; the value is its channel id. */
    Result openDirectMessage(String team, String user) {
        MethodsClient client = client(team);
        if (client == null) {
            return Result.failure(NOT_INSTALLED);
        }
        try {
            var response = client.conversationsOpen(request -> request.users(List.of(user)));
            return response.isOk() && response.getChannel() != null
                    ? Result.success(response.getChannel().getId())
                    : failed(team, "conversations.open", response);
        } catch (IOException | SlackApiException failure) {
            return failed(team, "conversations.open", failure);
        }
    }

    /** An ephemeral reply through the response_url Slack gave with a command or button press. */
    Result respond(String responseUrl, SlackMessage message) {
        try {
            WebhookResponse response = new Responder(slack, responseUrl)
                    .send(ActionResponse.builder()
                            .responseType("ephemeral")
                            .replaceOriginal(false)
                            .text(message.text())
                            .blocks(message.blocks())
                            .build());
            if (response.getCode() != null && response.getCode() == 200) {
                return Result.success(null);
            }
            log.warn("Slack response_url answered {} {}", response.getCode(), response.getMessage());
            return Result.failure("http_" + response.getCode());
        } catch (IOException | RuntimeException failure) {
            log.warn("Slack response_url failed", failure);
            return Result.failure("unreachable");
        }
    }

    /** Shows {@code view} as the member's App Home tab (views.publish). */
    Result publishView(String team, String userId, View view) {
        return call(
                team,
                "views.publish",
                client -> client.viewsPublish(request -> request.userId(userId).view(view)),
                answered -> null);
    }

    /**
     * One Web API call with the team's client: NOT_INSTALLED without one; Slack's error (logged, and a
     * token it no longer takes forgotten) when it refuses; else {@code value} of its answer.
     */
    private <T extends SlackApiTextResponse> Result call(
            String team, String method, Call<T> call, Function<T, String> value) {
        MethodsClient client = client(team);
        if (client == null) {
            return Result.failure(NOT_INSTALLED);
        }
        try {
            T response = call.on(client);
            return response.isOk() ? Result.success(value.apply(response)) : failed(team, method, response);
        } catch (IOException | SlackApiException failure) {
            return failed(team, method, failure);
        }
    }

    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T on(MethodsClient client) throws IOException, SlackApiException;
    }

    /**
     * The channels the member is in that the bot can see (users.conversations, public and private,
     * at most {@code MEMBER_CHANNEL_PAGES} pages of 200); empty when Slack does not say.
     */
    Optional<Set<String>> memberChannels(String team, String userId) {
        MethodsClient client = client(team);
        if (client == null) {
            return Optional.empty();
        }
        Set<String> channels = new HashSet<>();
        String cursor = null;
        try {
            for (int page = 0; page < MEMBER_CHANNEL_PAGES; page++) {
                String from = cursor;
                UsersConversationsResponse response = client.usersConversations(request -> request.user(userId)
                        .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                        .excludeArchived(true)
                        .limit(200)
                        .cursor(from));
                if (!response.isOk()) {
                    failed(team, "users.conversations", response);
                    return Optional.empty();
                }
                response.getChannels().forEach(channel -> channels.add(channel.getId()));
                cursor = response.getResponseMetadata() == null
                        ? null
                        : response.getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    break;
                }
            }
        } catch (IOException | SlackApiException failure) {
            failed(team, "users.conversations", failure);
            return Optional.empty();
        }
        return Optional.of(channels);
    }

    Optional<User> user(String team, String userId) {
        MethodsClient client = client(team);
        if (client == null) {
            return Optional.empty();
        }
        try {
            UsersInfoResponse response = client.usersInfo(request -> request.user(userId));
            if (response.isOk() && response.getUser() != null) {
                return Optional.of(response.getUser());
            }
            failed(team, "users.info", response);
        } catch (IOException | SlackApiException failure) {
            failed(team, "users.info", failure);
        }
        return Optional.empty();
    }

    private Result failed(String team, String method, SlackApiTextResponse response) {
        tokenGone(team, response.getError());
        log.warn(
                "Slack {} failed: {}{}",
                method,
                response.getError(),
                response.getNeeded() == null ? "" : " (needs scope " + response.getNeeded() + ")");
        return Result.failure(response.getError());
    }

    private Result failed(String team, String method, Exception failure) {
        log.warn("Slack {} failed", method, failure);
        String error = errorOf(failure);
        tokenGone(team, error);
        return Result.failure(error);
    }

    /** A token Slack no longer takes is read again from the installation next time (it may be reinstalled). */
    private void tokenGone(String team, String error) {
        if (TOKEN_GONE.contains(error)) {
            clients.forget(team);
        }
    }

    /** Slack's error code; a 429 without a readable body is still "ratelimited", so callers can tell. */
    private static String errorOf(Exception failure) {
        if (!(failure instanceof SlackApiException api)) {
            return "unreachable";
        }
        if (api.getError() != null && api.getError().getError() != null) {
            return api.getError().getError();
        }
        return api.getResponse() != null && api.getResponse().code() == 429 ? "ratelimited" : "unreachable";
    }
}
