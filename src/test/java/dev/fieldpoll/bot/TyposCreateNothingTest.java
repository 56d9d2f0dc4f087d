package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.testing.BotSession;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A typo in /poll create is answered with what was typed and what it may have meant, and creates nothing. */
class TyposCreateNothingTest {

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

    private int polls() {
        return session.wiring()
                .store()
                .listInChannel(new Workspace(Platform.CONSOLE, "local"), "local")
                .size();
    }

    @Test
    void a_bare_unknown_word_is_a_template_that_does_not_exist_not_a_title() {
        assertThat(say("/poll create nosuchtemplate"))
                .isEqualTo(new BotReply.Problem("No template 'nosuchtemplate'. Templates: ai-safety-automation, "
                        + "community-roadmap. To use it as a title, quote it: `/poll create \"nosuchtemplate\"`."));
        assertThat(say("/poll create comunity-roadmap"))
                .isEqualTo(new BotReply.Problem("No template 'comunity-roadmap'. Did you mean 'community-roadmap'? "
                        + "Templates: ai-safety-automation, community-roadmap. To use it as a title, quote it: "
                        + "`/poll create \"comunity-roadmap\"`."));
        assertThat(polls()).isZero();
    }

    @Test
    void a_misspelt_template_before_a_title_is_refused_too() {
        assertThat(say("/poll create comunity-roadmap Our plans"))
                .isEqualTo(new BotReply.Problem("No template 'comunity-roadmap'. Did you mean 'community-roadmap'? "
                        + "Templates: ai-safety-automation, community-roadmap. To start a poll with that title, put the "
                        + "title in quotes."));
        assertThat(polls()).isZero();
    }

    @Test
    void unknown_options_create_nothing_and_quoted_titles_and_templates_by_any_case_work() {
        assertThat(say("/poll create Team plans close:3d")).isInstanceOf(BotReply.Problem.class);
        assertThat(say("/poll create Team plans bogus:1")).isInstanceOf(BotReply.Problem.class);
        assertThat(polls()).isZero();

        BotReply lunch = say("/poll create \"Lunch\"");
        assertThat(((BotReply.PollPosted) lunch).poll().title()).isEqualTo("Lunch");
        BotReply roadmap = say("/poll create Community-Roadmap");
        assertThat(((BotReply.PollPosted) roadmap).poll().templateKey()).isEqualTo("community-roadmap");
        BotReply titled = say("/poll create \"Meeting: agenda\" closes:3d");
        assertThat(((BotReply.PollPosted) titled).poll().title()).isEqualTo("Meeting: agenda");
    }

    @Test
    void a_close_date_beyond_a_year_gets_the_same_line_as_a_duration_beyond_it() {
        String line = "closes: must be between 1h and a year from now.";

        assertThat(say("/poll create Far future closes:2099-12-31")).isEqualTo(new BotReply.Problem(line));
        assertThat(say("/poll create Far future closes:2028-01-01T10:00")).isEqualTo(new BotReply.Problem(line));
        assertThat(say("/poll create Far future closes:60w")).isEqualTo(new BotReply.Problem(line));
        assertThat(say("/poll create Far future closes:9999-12-31")).isEqualTo(new BotReply.Problem(line));
        assertThat(polls()).isZero();
    }
}
