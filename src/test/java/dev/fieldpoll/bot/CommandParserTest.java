package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.bot.BotCommand.FactorScore;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.ResultsVisibility;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    private BotCommand parsed(String line) {
        ParseResult result = parser.parse(line);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

    private String invalid(String line) {
        ParseResult result = parser.parse(line);
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).message();
    }

    @Test
    void create_with_template_title_close_and_visibility() {
        BotCommand command = parsed("/poll create ai-safety-automation Which first? closes:3d results:live");

        BotCommand.Create create = (BotCommand.Create) command;
        assertThat(create.words()).containsExactly("ai-safety-automation", "Which", "first?");
        assertThat(create.closes()).contains(new ClosesAt.After(Duration.ofDays(3)));
        assertThat(create.results()).contains(ResultsVisibility.LIVE);
    }

    @Test
    void create_ad_hoc_with_quoted_lists() {
        BotCommand.Create create = (BotCommand.Create)
                parsed(
                        "/poll create Team priorities fields:\"Alpha; Beta; Gamma\" factors:\"Impact; Effort\" closes:2026-12-24");

        assertThat(create.words()).containsExactly("Team", "priorities");
        assertThat(create.fields()).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(create.factors()).containsExactly("Impact", "Effort");
        assertThat(create.closes()).contains(new ClosesAt.OnDate(LocalDate.of(2026, 12, 24)));
    }

    @Test
    void curly_quotes_from_phones_group_words_too() {
        BotCommand.Create create =
                (BotCommand.Create) parsed("create T fields:\u201CA b; C\u201D factors:\u201CX\u201D");

        assertThat(create.fields()).containsExactly("A b", "C");
    }

    @Test
    void text_without_the_slash_prefix_parses_the_same_as_slack_sends_it() {
        assertThat(parsed("list")).isEqualTo(parsed("/poll list"));
    }

    @Test
    void vote_alone_opens_the_ballot() {
        assertThat(parsed("/poll vote")).isEqualTo(new BotCommand.OpenBallot(PollRef.CHANNEL_DEFAULT));
        assertThat(parsed("/poll vote poll:#7")).isEqualTo(new BotCommand.OpenBallot(new PollRef.ById(7)));
    }

    @Test
    void vote_takes_field_words_then_factor_scores() {
        BotCommand.Vote vote = (BotCommand.Vote) parsed("/poll vote mech interp feedback=4 incentive=?");

        assertThat(vote.field()).isEqualTo("mech interp");
        assertThat(vote.scores()).containsExactly(new FactorScore("feedback", "4"), new FactorScore("incentive", "?"));
        assertThat(vote.poll()).isEqualTo(PollRef.CHANNEL_DEFAULT);
    }

    @Test
    void results_close_and_mine_take_a_poll_by_id_or_title() {
        assertThat(parsed("/poll results #3")).isEqualTo(new BotCommand.Results(new PollRef.ById(3), false));
        assertThat(parsed("/poll results 3 public")).isEqualTo(new BotCommand.Results(new PollRef.ById(3), true));
        assertThat(parsed("/poll close Which fields"))
                .isEqualTo(new BotCommand.Close(new PollRef.ByTitle("Which fields")));
        assertThat(parsed("/poll mine")).isEqualTo(new BotCommand.Mine(PollRef.CHANNEL_DEFAULT));
    }

    @Test
    void summary_commands_and_remind_off() {
        assertThat(parsed("/poll summary schedule mon 9:00 Europe/London"))
                .isEqualTo(new BotCommand.ScheduleSummary(
                        java.time.DayOfWeek.MONDAY,
                        java.time.LocalTime.of(9, 0),
                        java.util.Optional.of(java.time.ZoneId.of("Europe/London"))));
        assertThat(parsed("/poll summary schedule friday 17:30"))
                .isEqualTo(new BotCommand.ScheduleSummary(
                        java.time.DayOfWeek.FRIDAY, java.time.LocalTime.of(17, 30), java.util.Optional.empty()));
        assertThat(parsed("/poll summary now")).isInstanceOf(BotCommand.SummaryNow.class);
        assertThat(parsed("/poll summary off")).isInstanceOf(BotCommand.StopSummaries.class);
        assertThat(parsed("/poll summary show")).isInstanceOf(BotCommand.ShowSummarySchedule.class);
        assertThat(((BotCommand.Create) parsed("/poll create T remind:off")).remind())
                .isFalse();
        assertThat(((BotCommand.Create) parsed("/poll create T")).remind()).isTrue();
    }

    @Test
    void empty_and_help_give_help() {
        assertThat(parsed("/poll")).isInstanceOf(BotCommand.Help.class);
        assertThat(parsed("/poll help")).isInstanceOf(BotCommand.Help.class);
    }

    @Test
    void mistakes_get_one_friendly_line() {
        assertThat(invalid("/poll frobnicate")).contains("/poll help");
        assertThat(invalid("/poll create T closes:someday"))
                .contains("closes:3d")
                .contains("2026-12-24");
        assertThat(invalid("/poll create T closes:0d")).contains("between 1h and a year");
        assertThat(invalid("/poll create T results:sometimes")).contains("after-vote, live or after-close");
        assertThat(invalid("/poll create T fields:\"A; B")).contains("quote is not closed");
        assertThat(invalid("/poll vote evals")).contains("factor=score");
        assertThat(invalid("/poll vote evals feedback=")).contains("factor=score");
        assertThat(invalid("/poll vote feedback=3 evals")).contains("field first");
        assertThat(invalid("/poll create A closes:1d closes:2d")).contains("given twice");
        assertThat(invalid("/poll create A remind:maybe")).contains("remind: takes on or off");
        assertThat(invalid("/poll summary schedule someday 09:00")).contains("not a weekday");
        assertThat(invalid("/poll summary schedule monday 25:00")).contains("not a time");
        assertThat(invalid("/poll summary schedule monday 09:00 Mars/Base")).contains("not a time zone");
        assertThat(invalid("/poll summary")).contains("/poll summary schedule monday 09:00");
        assertThat(invalid("/poll create " + "x".repeat(3000))).contains("too long");
    }

    @Test
    void durations_in_hours_days_and_weeks() throws Exception {
        assertThat(CommandParser.closes("12h")).isEqualTo(new ClosesAt.After(Duration.ofHours(12)));
        assertThat(CommandParser.closes("2w")).isEqualTo(new ClosesAt.After(Duration.ofDays(14)));
        assertThat(CommandParser.closes("2026-12-24T18:00")).isInstanceOf(ClosesAt.At.class);
        assertThat(List.of("3D", "3d"))
                .allSatisfy(text -> assertThat(parsed("/poll create T closes:" + text))
                        .isEqualTo(parsed("/poll create T closes:3d")));
    }

    @Test
    void public_page_and_private_page_end_a_results_command_to_share_the_page() {
        assertThat(parsed("/poll results public page")).isEqualTo(new BotCommand.SharePage(PollRef.parse(""), true));
        assertThat(parsed("/poll results #3 public page"))
                .isEqualTo(new BotCommand.SharePage(new PollRef.ById(3), true));
        assertThat(parsed("results Team priorities Private PAGE"))
                .isEqualTo(new BotCommand.SharePage(PollRef.parse("Team priorities"), false));
        assertThat(parsed("/poll results poll:#4 private page"))
                .isEqualTo(new BotCommand.SharePage(new PollRef.ById(4), false));

        // without "page" at the end it is the results, posted publicly or not
        assertThat(parsed("/poll results public")).isEqualTo(new BotCommand.Results(PollRef.parse(""), true));
        assertThat(parsed("/poll results page")).isEqualTo(new BotCommand.Results(PollRef.parse("page"), false));
    }

    @Test
    void announce_off_turns_the_results_post_off_and_is_on_when_not_given() {
        assertThat(((BotCommand.Create) parsed("/poll create T announce:off")).announce())
                .isFalse();
        assertThat(((BotCommand.Create) parsed("/poll create T announce:ON")).announce())
                .isTrue();
        assertThat(((BotCommand.Create) parsed("/poll create T remind:off")).announce())
                .isTrue();
        assertThat(((BotCommand.Create) parsed("/poll create \"Team plans\" announce:off remind:off")))
                .extracting(BotCommand.Create::announce, BotCommand.Create::remind, BotCommand.Create::words)
                .containsExactly(false, false, List.of("Team plans"));
    }

    @Test
    void an_unknown_announce_value_is_refused_with_what_was_meant() {
        assertThat(invalid("/poll create T announce:of"))
                .isEqualTo("announce: takes on or off (the final results posted in the channel when the poll closes). "
                        + "Did you mean `announce:off`? Nothing was done.");
        assertThat(invalid("/poll create T announce:never"))
                .isEqualTo("announce: takes on or off (the final results posted in the channel when the poll closes). "
                        + "Nothing was done.");
        assertThat(invalid("/poll create T annouce:off")).contains("Did you mean `announce:`?");
    }

    @Test
    void an_unknown_option_is_refused_naming_what_was_typed_and_what_was_meant() {
        assertThat(invalid("/poll create Team plans close:3d"))
                .isEqualTo("`close:` is not an option of `/poll create`. Did you mean `closes:`? Nothing was done. "
                        + "To use a colon in a title, put the title in quotes.");
        assertThat(invalid("/poll create Team plans bogus:1"))
                .isEqualTo(
                        "`bogus:` is not an option of `/poll create` (it takes closes:, results:, fields:, "
                                + "factors:, template:, remind:, announce:, scale:). Nothing was done. To use a colon in a title, put the title in quotes.");
        assertThat(invalid("/poll create Meeting: agenda")).startsWith("`meeting:` is not an option of `/poll create`");
        assertThat(invalid("/poll vote evals feedback=3 pol:#2")).contains("Did you mean `poll:`?");
        assertThat(invalid("/poll list all:yes")).contains("`/poll list`, which takes none");
    }

    @Test
    void a_quoted_colon_is_text_and_a_time_is_not_an_option() {
        BotCommand.Create create = (BotCommand.Create) parsed("/poll create \"Meeting: agenda\" closes:3d");
        assertThat(create.words()).containsExactly("Meeting: agenda");
        assertThat(create.template()).isEmpty();
        assertThat(parsed("/poll summary schedule monday 09:00 Europe/London"))
                .isInstanceOf(BotCommand.ScheduleSummary.class);
    }

    @Test
    void one_bare_word_after_create_names_a_template_and_a_quoted_one_is_a_title() {
        BotCommand.Create bare = (BotCommand.Create) parsed("/poll create nosuchtemplate");
        assertThat(bare.template()).contains("nosuchtemplate");
        assertThat(bare.words()).isEmpty();
        assertThat(bare.bareWord()).isTrue();

        BotCommand.Create quoted = (BotCommand.Create) parsed("/poll create \"Lunch\"");
        assertThat(quoted.template()).isEmpty();
        assertThat(quoted.words()).containsExactly("Lunch");

        BotCommand.Create adHoc = (BotCommand.Create) parsed("/poll create Lunch fields:\"A; B\" factors:\"X\"");
        assertThat(adHoc.template()).isEmpty();
        assertThat(adHoc.words()).containsExactly("Lunch");
    }

    @Test
    void public_is_a_flag_of_results_only_and_a_word_elsewhere() {
        assertThat(((BotCommand.Results) parsed("/poll results public")).postPublicly())
                .isTrue();
        assertThat(((BotCommand.Create) parsed("/poll create A public meeting")).words())
                .containsExactly("A", "public", "meeting");
    }

    @Test
    void dates_need_a_four_digit_year_so_a_huge_one_never_reaches_java_time() {
        for (String date : List.of("+999999999-12-31", "99999-01-01", "-0001-01-01", "2026-1-1", "999999999999")) {
            assertThat(invalid("/poll create T closes:" + date))
                    .as(date)
                    .startsWith("I can't read closes:")
                    .doesNotContain("java.")
                    .doesNotContain("Text '");
        }
    }
}
