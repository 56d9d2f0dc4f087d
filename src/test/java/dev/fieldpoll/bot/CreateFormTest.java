package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.ResultsVisibility;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The create form becomes the command /poll create gives, or the parser's own sentence. */
class CreateFormTest {

    private final CommandParser parser = new CommandParser();

    private ParseResult formed(String title, String fields, String factors, String options, String template) {
        return new CreateForm(title, fields, factors, options, template).command(parser);
    }

    @Test
    void a_filled_form_is_the_create_command_of_the_same_values() {
        ParseResult typed = parser.parse(
                "/poll create \"Team plans\" fields:\"Evals — tests; Interp\" factors:\"Impact; Effort\" closes:3d "
                        + "results:live remind:off");
        ParseResult formed = formed(
                " Team plans ",
                "Evals — tests\r\n\nInterp\n",
                "Impact\nEffort",
                "closes:3d results:live remind:off",
                "");

        assertThat(formed).isEqualTo(typed);
        BotCommand.Create create = (BotCommand.Create) ((ParseResult.Parsed) formed).command();
        assertThat(create.fields()).containsExactly("Evals — tests", "Interp");
        assertThat(create.results()).contains(ResultsVisibility.LIVE);
        assertThat(create.remind()).isFalse();
    }

    @Test
    void a_template_alone_names_the_template_and_a_blank_form_is_the_default_poll() {
        BotCommand.Create template =
                (BotCommand.Create) ((ParseResult.Parsed) formed("", "", "", "", "community-roadmap")).command();
        BotCommand.Create blank = (BotCommand.Create) ((ParseResult.Parsed) formed("", "", "", "", "")).command();

        assertThat(template.template()).contains("community-roadmap");
        assertThat(template.words()).isEmpty();
        assertThat(blank.template()).isEqualTo(Optional.empty());
        assertThat(blank.words()).isEqualTo(List.of());
    }

    @Test
    void the_options_line_takes_only_options_and_says_the_parsers_sentence() {
        assertThat(formed("T", "A", "B", "closes:someday", ""))
                .isEqualTo(parser.parse("create \"T\" fields:A factors:B closes:someday"));
        assertThat(formed("T", "A", "B", "next week", "")).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid) formed("T", "A", "B", "scale:5-1", "")).message())
                .isEqualTo("scale: takes a range like 1-5 or 0-10, within 0-100. Nothing was done.");
        assertThat(formed("T", "A", "B", "scale:0-10", ""))
                .isEqualTo(parser.parse("create T fields:A factors:B scale:0-10"));
        assertThat(((ParseResult.Invalid) formed("T", "", "", "fields:\"A; B\"", "")).message())
                .contains("their own boxes");
        assertThat(((ParseResult.Invalid) formed("T", "A", "", "", "community-roadmap")).message())
                .contains("not both");
        assertThat(((ParseResult.Invalid) formed("x".repeat(CreateForm.MAX_INPUT + 1), "", "", "", "")).message())
                .startsWith("Title is too long");
    }

    @Test
    void a_refusal_points_at_the_input_it_is_about() {
        CreateForm noFactors = new CreateForm("T", "A", "", "", "");
        CreateForm noFields = new CreateForm("T", "", "B", "", "");
        String both = "That poll cannot be created: an ad-hoc poll needs both fields:\"A; B\" and factors:\"X; Y\".";

        assertThat(noFactors.inputOf(both)).isEqualTo(CreateForm.Input.FACTORS);
        assertThat(noFields.inputOf(both)).isEqualTo(CreateForm.Input.FIELDS);
        assertThat(noFields.inputOf("I can't read closes:x. Use a duration like closes:3d."))
                .isEqualTo(CreateForm.Input.OPTIONS);
        assertThat(noFields.inputOf("No template 'x'. Templates: a, b.")).isEqualTo(CreateForm.Input.TEMPLATE);
        assertThat(noFields.inputOf("Only admins can start polls in this community."))
                .isEqualTo(CreateForm.Input.TITLE);
    }

    @Test
    void only_poll_new_alone_opens_the_form() {
        assertThat(CommandParser.opensCreateForm("/poll new")).isTrue();
        assertThat(CommandParser.opensCreateForm(" NEW ")).isTrue();
        assertThat(CommandParser.opensCreateForm("new \"Lunch\"")).isFalse();
        assertThat(CommandParser.opensCreateForm("create")).isFalse();
        assertThat(parser.parse("/poll new \"Lunch\"")).isEqualTo(parser.parse("/poll create \"Lunch\""));
    }
}
