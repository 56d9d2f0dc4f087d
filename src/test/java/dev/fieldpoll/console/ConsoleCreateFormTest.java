package dev.fieldpoll.console;

import static dev.fieldpoll.testing.ConsoleTranscript.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.testing.MutableClock;
import dev.fieldpoll.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /poll new in the console chat: the create form as prompts, end to end on a real database. */
class ConsoleCreateFormTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void prompts_create_an_ad_hoc_poll_with_descriptions_and_options() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            String said = chat(
                    wiring,
                    "/poll new",
                    "",
                    "Team plans",
                    "Alpha -- the first one; Beta",
                    "Impact; Effort",
                    "closes:3d results:live scale:0-10");

            assertThat(said).contains("Templates: ai-safety-automation, community-roadmap.");
            assertThat(said).contains("Poll #1");
            Poll poll = wiring.store().findById(1).orElseThrow();
            assertThat(poll.title()).isEqualTo("Team plans");
            assertThat(poll.definition().fields())
                    .extracting(Field::name, Field::description)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Alpha", "the first one"),
                            org.assertj.core.groups.Tuple.tuple("Beta", ""));
            assertThat(poll.definition().factors()).hasSize(2);
            assertThat(poll.visibility()).isEqualTo(ResultsVisibility.LIVE);
            assertThat(poll.definition().scale()).isEqualTo(new Scale(0, 10));
            assertThat(poll.closesAt()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        }
    }

    @Test
    void a_template_named_at_the_prompt_starts_its_poll() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            chat(wiring, "/poll new", "community-roadmap", "", "");

            Poll poll = wiring.store().findById(1).orElseThrow();
            assertThat(poll.templateKey()).isEqualTo("community-roadmap");
        }
    }

    @Test
    void a_bad_answer_gets_the_sentence_of_poll_create_and_creates_nothing() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            String typed = chat(wiring, "/poll create \"Plans\" fields:\"A\" factors:\"B\" closes:someday");
            String formed = chat(wiring, "/poll new", "", "Plans", "A", "B", "closes:someday");
            String template = chat(wiring, "/poll new", "comunity-roadmap", "", "");
            String scaled = chat(wiring, "/poll new", "community-roadmap", "", "scale:0-10");

            String sentence = "I can't read closes:someday.";
            assertThat(typed).contains(sentence);
            assertThat(formed).contains("! " + sentence);
            assertThat(template).contains("No template 'comunity-roadmap'. Did you mean 'community-roadmap'?");
            assertThat(scaled).contains("a template brings its own scale");
            assertThat(wiring.store().findById(1)).isEmpty();
        }
    }

    @Test
    void cancel_leaves_the_prompts_without_a_poll() throws Exception {
        try (Wiring wiring = new Wiring(TestConfigs.at(folder), clock)) {
            String said = chat(wiring, "/poll new", "", "Plans", ":cancel", "/poll list");

            assertThat(said).contains("No poll was created.");
            assertThat(wiring.store().findById(1)).isEmpty();
        }
    }
}
