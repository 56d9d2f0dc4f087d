package dev.fieldpoll.discord;

import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * The /poll command Discord shows members: one command, a subcommand per verb of the core
 * grammar (the summary verbs as a group), typed options with autocomplete for templates, polls,
 * fields, factors and time zones.
 * Discord checks option types and lengths; PollBot checks every value again.
 */
final class CommandRegistrations {

    static final String COMMAND = "poll";
    static final String CREATE = "create";
    static final String NEW = "new";
    static final String VOTE = "vote";
    static final String SCORE = "score";
    static final String RESULTS = "results";
    static final String MINE = "mine";
    static final String LIST = "list";
    static final String CLOSE = "close";
    static final String RERUN = "rerun";
    static final String KEEP = "keep";
    static final String HELP = "help";
    static final String SUMMARY = "summary";
    static final String SCHEDULE = "schedule";
    static final String SHOW = "show";
    static final String OFF = "off";
    static final String NOW = "now";

    static final String TITLE = "title";
    static final String TEMPLATE = "template";
    static final String CLOSES = "closes";
    static final String VISIBILITY = "results";
    static final String FIELDS = "fields";
    static final String FACTORS = "factors";
    static final String VOTERS = "voters";
    static final String REMIND = "remind";
    static final String ANNOUNCE = "announce";
    static final String POLL = "poll";
    static final String FIELD = "field";
    static final String FACTOR = "factor";
    static final String SCORE_OPTION = "score";
    static final String PUBLIC = "public";
    static final String PAGE = "page";
    static final String DAY = "day";
    static final String TIME = "time";
    static final String ZONE = "zone";

    /** The longest zone id is 32 characters; offsets like UTC+05:30 are shorter. */
    static final int ZONE_MAX_LENGTH = 64;

    /** Long enough for 25 field names of 80 characters and their separators; Discord allows 6000. */
    static final int LIST_MAX_LENGTH = 2100;

    private CommandRegistrations() {}

    static List<CommandData> commands() {
        return List.of(poll());
    }

    static SlashCommandData poll() {
        return Commands.slash(COMMAND, "Score fields on factors with your community")
                .setContexts(InteractionContextType.GUILD)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL)
                .setDefaultPermissions(DefaultMemberPermissions.ENABLED)
                .addSubcommands(
                        new SubcommandData(CREATE, "Start a poll from a template, or your own fields and factors")
                                .addOptions(
                                        new OptionData(
                                                        OptionType.STRING,
                                                        TEMPLATE,
                                                        "Template to start from (default: the community's)",
                                                        false,
                                                        true)
                                                .setMaxLength(32),
                                        new OptionData(OptionType.STRING, TITLE, "Title (default: the template's)")
                                                .setMaxLength(Poll.MAX_TITLE_LENGTH),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        CLOSES,
                                                        "When it closes: 3d, 12h, 2w or a date like 2026-12-24")
                                                .setMaxLength(32),
                                        visibilityOption(),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        FIELDS,
                                                        "Your own fields, separated by ; (needs factors too)")
                                                .setMaxLength(LIST_MAX_LENGTH),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        FACTORS,
                                                        "Your own factors, separated by ; (needs fields too)")
                                                .setMaxLength(LIST_MAX_LENGTH),
                                        new OptionData(OptionType.ROLE, VOTERS, "Only members with this role may vote"),
                                        new OptionData(
                                                OptionType.BOOLEAN,
                                                REMIND,
                                                "Post a reminder a day before it closes (default: yes)"),
                                        new OptionData(
                                                OptionType.BOOLEAN,
                                                ANNOUNCE,
                                                "Post the final results in the channel when it closes (default: yes)")),
                        new SubcommandData(NEW, "Start a poll by filling in a form"),
                        new SubcommandData(VOTE, "Open your ballot, step by step; only you see it")
                                .addOptions(pollOption()),
                        new SubcommandData(SCORE, "Score one field on one factor directly")
                                .addOptions(
                                        new OptionData(OptionType.STRING, FIELD, "The field to score", true, true)
                                                .setMaxLength(80),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        FACTOR,
                                                        "The factor to score it on",
                                                        true,
                                                        true)
                                                .setMaxLength(80),
                                        new OptionData(OptionType.STRING, SCORE_OPTION, "Your score", true)
                                                .addChoice("1 (lowest)", "1")
                                                .addChoice("2", "2")
                                                .addChoice("3", "3")
                                                .addChoice("4", "4")
                                                .addChoice("5 (highest)", "5")
                                                .addChoice("Don't know", "?")
                                                .addChoice("Withdraw my answer", "clear"),
                                        pollOption()),
                        new SubcommandData(RESULTS, "Ranking, where members split, and the reference comparison")
                                .addOptions(
                                        pollOption(),
                                        new OptionData(
                                                OptionType.BOOLEAN, PUBLIC, "Post to the whole channel (admins only)"),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        PAGE,
                                                        "Make the results page public or private again (admins only)")
                                                .addChoice("public", "public")
                                                .addChoice("private", "private")),
                        new SubcommandData(MINE, "Your own answers; only you see them").addOptions(pollOption()),
                        new SubcommandData(LIST, "This channel's polls"),
                        new SubcommandData(CLOSE, "Close a poll (its creator or an admin)").addOptions(pollOption()),
                        new SubcommandData(RERUN, "Open a closed poll's next round (its creator or an admin)")
                                .addOptions(
                                        pollOption(),
                                        new OptionData(
                                                OptionType.STRING,
                                                CLOSES,
                                                "When the round closes: 3d, 12h, 2w or a date like 2026-12-24")),
                        new SubcommandData(KEEP, "In a later round, keep your answers of the round before")
                                .addOptions(pollOption()),
                        new SubcommandData(HELP, "How fieldpoll works"))
                .addSubcommands(LifecycleSubcommands.definitions())
                .addSubcommandGroups(summaryGroup());
    }

    /** /poll summary schedule|show|off|now: this channel's weekly summary (admins; PollBot checks). */
    private static SubcommandGroupData summaryGroup() {
        return new SubcommandGroupData(SUMMARY, "This channel's weekly summary post (admins)")
                .addSubcommands(
                        new SubcommandData(SCHEDULE, "Post a summary here every week at this time")
                                .addOptions(
                                        dayOption(),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        TIME,
                                                        "Time of day, 24-hour HH:MM, like 09:00",
                                                        true)
                                                .setMaxLength(5),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        ZONE,
                                                        "Time zone, like Europe/London (default: the community's)",
                                                        false,
                                                        true)
                                                .setMaxLength(ZONE_MAX_LENGTH)),
                        new SubcommandData(SHOW, "When this channel's summary is posted"),
                        new SubcommandData(OFF, "Stop this channel's weekly summaries"),
                        new SubcommandData(NOW, "Post a summary of this channel's polls now"));
    }

    private static OptionData dayOption() {
        OptionData option = new OptionData(OptionType.STRING, DAY, "Day of the week", true);
        for (DayOfWeek day : DayOfWeek.values()) {
            option.addChoice(
                    day.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    day.name().toLowerCase(Locale.ROOT));
        }
        return option;
    }

    private static OptionData visibilityOption() {
        OptionData option =
                new OptionData(OptionType.STRING, VISIBILITY, "When members see results (default: after they vote)");
        for (ResultsVisibility visibility : ResultsVisibility.values()) {
            option.addChoice(visibility.keyword(), visibility.keyword());
        }
        return option;
    }

    private static OptionData pollOption() {
        return new OptionData(OptionType.STRING, POLL, "Which poll (default: this channel's open poll)", false, true)
                .setMaxLength(Poll.MAX_TITLE_LENGTH);
    }
}
