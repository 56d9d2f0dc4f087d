package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.poll.PollStatus;
import dev.fieldpoll.poll.Template;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The choices offered while a member types, read from the use cases. Thread-safe: it keeps no state. */
final class Suggestions {

    private final PollService polls;

    Suggestions(PollService polls) {
        this.polls = polls;
    }

    List<Suggestion> matching(Member member, Suggestion.Kind kind, String typed, Optional<PollRef> poll, int limit) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        return all(member, kind, poll)
                .filter(choice -> wanted.isEmpty()
                        || choice.label().toLowerCase(Locale.ROOT).contains(wanted)
                        || choice.value().contains(wanted))
                .limit(limit)
                .toList();
    }

    private Stream<Suggestion> all(Member member, Suggestion.Kind kind, Optional<PollRef> ref) {
        return switch (kind) {
            case TEMPLATE -> polls.templates().all().stream().map(Suggestions::template);
            case POLL -> polls.list(member).polls().stream().map(Suggestions::poll);
            case FIELD ->
                named(member, ref)
                        .map(poll -> poll.definition().fields().stream()
                                .map(field -> new Suggestion(field.name(), field.key())))
                        .orElseGet(Stream::empty);
            case FACTOR ->
                named(member, ref)
                        .map(poll -> poll.definition().factors().stream()
                                .map(factor -> new Suggestion(factor.name(), factor.key())))
                        .orElseGet(Stream::empty);
        };
    }

    private static Suggestion template(Template template) {
        return new Suggestion(template.title() + " (" + template.key() + ")", template.key());
    }

    private static Suggestion poll(Outcomes.Listing listing) {
        Poll poll = listing.poll();
        String status = listing.status() == PollStatus.OPEN ? "open" : "closed";
        return new Suggestion("#" + poll.id() + " " + poll.title() + " (" + status + ")", Long.toString(poll.id()));
    }

    /** The poll the member named, else the channel's default one; none when it is not theirs to see. */
    private Optional<Poll> named(Member member, Optional<PollRef> ref) {
        return ref.flatMap(poll -> polls.find(member, poll).accept(new Outcomes.Lookup.Visitor<Optional<Poll>>() {
            @Override
            public Optional<Poll> found(Outcomes.Found found) {
                return Optional.of(found.poll());
            }

            @Override
            public Optional<Poll> refused(Outcomes.Refused refused) {
                return Optional.empty();
            }
        }));
    }
}
