package dev.fieldpoll.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PseudonymousVote;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A poll's votes as JSON ({@code poll} with its id and title, then {@code votes}, pseudonymous
 * voters): what {@code fieldpoll export --format json} and {@code /poll export json} hand out. The
 * key order is fixed, so exports of the same votes are byte for byte equal.
 */
public final class VotesJsonRenderer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One answer. */
    @JsonPropertyOrder({"voter", "field", "factor", "score"})
    record Row(String voter, String field, String factor, Integer score) {}

    public String render(Poll poll, List<PseudonymousVote> votes) {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", poll.id());
        about.put("title", poll.title());
        document.put("poll", about);
        document.put(
                "votes",
                votes.stream()
                        .map(vote -> new Row(vote.voter(), vote.field(), vote.factor(), vote.score()))
                        .toList());
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException unwritable) {
            throw new UncheckedIOException("could not write the votes as JSON", unwritable);
        }
    }
}
