package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.RoundLink;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Rounds of polls (migration V13) on both databases: links, chains, one next round, answers kept apart. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SqlRoundStoreTest {

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private Database database;
    private SqlPollStore polls;
    private SqlRoundStore rounds;

    @BeforeEach
    void open() {
        database = Database.open(kind.create(dir), DatabaseSettings.defaults());
        polls = new SqlPollStore(database, java.time.Clock.systemUTC());
        rounds = new SqlRoundStore(database, polls);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_round_is_a_poll_of_its_own_linked_to_the_one_before_and_chains() {
        // given round 1 with an answer
        Poll first = Commits.create(polls, TestPolls.newPoll());
        polls.changeAnswers(
                        first.id(),
                        "alice",
                        Map.of(TestPolls.MECH_FEEDBACK, Answer.score(4)),
                        List.of(),
                        TestPolls.CREATED)
                .toCompletableFuture()
                .join();

        // when round 2 and round 3 are created
        Poll second = rounds.createRound(TestPolls.newPoll(), first.id(), first.id(), 2)
                .toCompletableFuture()
                .join();
        Poll third = rounds.createRound(TestPolls.newPoll(), second.id(), first.id(), 3)
                .toCompletableFuture()
                .join();

        // then each links to the one before and to the first, and the first has none
        assertThat(rounds.link(first.id())).isEmpty();
        assertThat(rounds.link(second.id())).contains(new RoundLink(second.id(), first.id(), first.id(), 2));
        assertThat(rounds.link(third.id())).contains(new RoundLink(third.id(), second.id(), first.id(), 3));
        assertThat(rounds.nextRound(first.id())).contains(second.id());
        assertThat(rounds.nextRound(third.id())).isEmpty();
        // and the new rounds have the same definition and no answers; round 1 keeps its own
        assertThat(polls.findById(second.id()).orElseThrow().definition()).isEqualTo(first.definition());
        assertThat(polls.voterCount(second.id())).isZero();
        assertThat(polls.ballot(first.id(), "alice").answers()).containsEntry(TestPolls.MECH_FEEDBACK, Answer.score(4));
    }

    @Test
    void a_round_has_at_most_one_next_round_and_a_refused_one_leaves_no_poll_behind() {
        Poll first = Commits.create(polls, TestPolls.newPoll());
        rounds.createRound(TestPolls.newPoll(), first.id(), first.id(), 2)
                .toCompletableFuture()
                .join();
        int before = polls.listInChannel(TestPolls.GUILD, TestPolls.CHANNEL).size();

        assertThatThrownBy(() -> rounds.createRound(TestPolls.newPoll(), first.id(), first.id(), 2)
                        .toCompletableFuture()
                        .join())
                .hasCauseInstanceOf(dev.fieldpoll.poll.StoreException.class);
        assertThat(polls.listInChannel(TestPolls.GUILD, TestPolls.CHANNEL)).hasSize(before);
    }
}
