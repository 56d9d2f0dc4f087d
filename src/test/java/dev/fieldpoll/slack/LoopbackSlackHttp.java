package dev.fieldpoll.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * The tests' fake Slack for tests outside this package that run fieldpoll in HTTP mode (several
 * bot processes behind one Slack app): the Web API on loopback, and members' /poll commands sent
 * as signed HTTP requests to whichever process a test names, with the answers they got. Its
 * methods may be called from any thread, as FakeSlack's may.
 */
public final class LoopbackSlackHttp implements AutoCloseable {

    public static final String BOT_TOKEN = SlackHarness.BOT_TOKEN;
    public static final String SIGNING_SECRET = SlackRequests.SECRET;

    private final FakeSlack slack;

    public LoopbackSlackHttp() {
        try {
            slack = new FakeSlack();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public String apiUrl() {
        return slack.apiUrl();
    }

    /**
     * A member types {@code /poll TEXT} in the channel, and Slack sends it, signed, to the process
     * listening on {@code port}. Returns the answer the member was shown, as JSON (its text and
     * blocks): the ack's, or the one posted to the response_url after a "still working" ack; empty
     * when the ack carried none (a poll created: its message in the channel is the answer).
     */
    public String command(int port, String channel, String member, String text)
            throws IOException, InterruptedException {
        String name = UUID.randomUUID().toString();
        SlackRequests requests = new SlackRequests(port, slack::recordAck);
        HttpResponse<String> response = requests.send(SlackRequests.slashCommand(
                FakeSlack.TEAM, channel, member, text, slack.responseUrl(name), requests.trigger()));
        if (response.statusCode() != 200) {
            throw new AssertionError("the process on port " + port + " answered " + response.statusCode());
        }
        if (response.body().isEmpty()) {
            return "";
        }
        return slack.awaitAnswer(name).body().toString();
    }

    /** A member creates a poll through the process on {@code port}; returns once its message is posted. */
    public void createPoll(int port, String channel, String member, String title)
            throws IOException, InterruptedException {
        long before = postedIn(channel);
        String answer = command(port, channel, member, "create " + title);
        if (!answer.isEmpty() || postedIn(channel) != before + 1) {
            throw new AssertionError(
                    "/poll create " + title + " was answered '" + answer + "', not with its poll message");
        }
    }

    /** How many messages the bot posted in the channel itself (chat.postMessage), such as summaries. */
    public long postedIn(String channel) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.param("channel")))
                .count();
    }

    /** The bot's posts in the channel as Slack received them (text and blocks), in order. */
    public java.util.List<String> postsIn(String channel) {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.param("channel")))
                .map(FakeSlack.Call::rawBody)
                .toList();
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (IOException ignored) {
            // the fake goes away with the test
        }
    }
}
