package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.testing.BotSession;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ad-hoc polls in any script: keys keep their letters, names match case-folded and by prefix. */
class AnyLanguageTest {

    @TempDir
    Path folder;

    private BotSession session;

    @BeforeEach
    void setUp() {
        session = new BotSession(folder);
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private BotReply say(String line) {
        return session.say(line);
    }

    private Poll create(String line) {
        BotReply reply = say(line);
        assertThat(reply).as(line).isInstanceOf(BotReply.PollPosted.class);
        return ((BotReply.PollPosted) reply).poll();
    }

    @Test
    void chinese_fields_and_cyrillic_factors_get_keys_of_their_own_letters_and_take_votes_by_name() {
        Poll poll = create("/poll create 水果调查 fields:\"苹果; 香蕉\" factors:\"Важность; Сложность\"");

        assertThat(poll.title()).isEqualTo("水果调查");
        assertThat(poll.definition().fields()).extracting(Field::key).containsExactly("苹果", "香蕉");
        assertThat(poll.definition().factors()).extracting(Factor::key).containsExactly("важность", "сложность");
        assertThat(say("/poll vote 香蕉 ВАЖНОСТЬ=4 слож=2")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(session.wiring().store().ballot(poll.id(), "you").answers())
                .isEqualTo(Map.of(
                        new CellKey("香蕉", "важность"),
                        Answer.score(4),
                        new CellKey("香蕉", "сложность"),
                        Answer.score(2)));
    }

    @Test
    void greek_arabic_and_full_width_names_match_by_their_folded_form() {
        Poll poll = create("/poll create Ψηφοφορία fields:\"Ελληνικά; العربية\" factors:\"ΣΗΜΑΣΙΑ; Ｅｆｆｏｒｔ\"");

        assertThat(poll.definition().fields()).extracting(Field::key).containsExactly("ελληνικά", "العربية");
        assertThat(poll.definition().factors()).extracting(Factor::key).containsExactly("σημασια", "effort");
        assertThat(say("/poll vote ελληνικα σημασία=5 effort=1"))
                .as("accents are kept: ελληνικα is not ελληνικά")
                .isInstanceOf(BotReply.Problem.class);
        assertThat(say("/poll vote ΕΛΛΗΝΙΚΆ σημασια=5 ｅｆｆ=1")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(say("/poll vote العربية σημασια=?")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(session.wiring().store().ballot(poll.id(), "you").answers())
                .containsEntry(new CellKey("ελληνικά", "effort"), Answer.score(1))
                .containsEntry(new CellKey("العربية", "σημασια"), Answer.DONT_KNOW);
    }

    @Test
    void names_without_letters_get_numbered_keys_and_still_match_by_name() {
        Poll poll = create("/poll create Snacks fields:\"🍎; 🍌; 🍎 pie\" factors:\"😋; 💰\"");

        assertThat(poll.definition().fields()).extracting(Field::key).containsExactly("f1", "f2", "pie");
        assertThat(poll.definition().factors()).extracting(Factor::key).containsExactly("q1", "q2");
        assertThat(say("/poll vote 🍌 😋=5 💰=2")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(session.wiring().store().ballot(poll.id(), "you").answers())
                .isEqualTo(Map.of(new CellKey("f2", "q1"), Answer.score(5), new CellKey("f2", "q2"), Answer.score(2)));
    }

    @Test
    void two_names_a_member_could_not_tell_apart_are_refused() {
        BotReply reply = say("/poll create Dupes fields:\"Apple; APPLE\" factors:\"Taste\"");

        assertThat(reply).isInstanceOf(BotReply.Problem.class);
        assertThat(((BotReply.Problem) reply).message()).contains("two fields are both called 'APPLE'");
        assertThat(say("/poll list")).isEqualTo(new BotReply.PollList(java.util.List.of()));
    }

    @Test
    void names_that_slug_alike_but_differ_get_distinct_keys() {
        Poll poll = create("/poll create Langs fields:\"C++; C#; C\" factors:\"Joy\"");

        assertThat(poll.definition().fields()).extracting(Field::key).containsExactly("c", "c-2", "c-3");
        assertThat(say("/poll vote c# joy=4")).isInstanceOf(BotReply.VoteSaved.class);
        assertThat(session.wiring().store().ballot(poll.id(), "you").answers())
                .isEqualTo(Map.of(new CellKey("c-2", "joy"), Answer.score(4)));
    }
}
