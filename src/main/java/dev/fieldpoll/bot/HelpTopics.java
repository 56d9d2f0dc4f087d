package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.HelpTopic;
import java.util.List;

/** The command list every platform shows for /poll help. */
final class HelpTopics {

    private static final List<HelpTopic> TOPICS = List.of(
            new HelpTopic(
                    "/poll create [template] [title…] [closes:3d|closes:2026-12-24] [results:after-vote|live|after-close] [remind:off] [announce:off]",
                    "Start a poll from a template (default: the AI-safety one)."),
            new HelpTopic(
                    "/poll create Title fields:\"A; B; C\" factors:\"Impact; Effort\"",
                    "Start an ad-hoc poll on the 1-5 scale (scale:0-10 for another)."),
            new HelpTopic("/poll new", "Start a poll by filling in a form (the same as /poll create)."),
            new HelpTopic("/poll vote", "Open your ballot for this channel's poll."),
            new HelpTopic(
                    "/poll vote <field> <factor>=<score> …",
                    "Score one field directly, e.g. /poll vote mech interp feedback=4 incentive=5 (? = don't know, clear = withdraw)."),
            new HelpTopic(
                    "/poll results [poll] [public]",
                    "Rankings, disagreements and the reference comparison, with a link to the full results page."),
            new HelpTopic(
                    "/poll results [poll] public page | private page",
                    "Make the poll's results page public (anyone with its link) or private again (admins)."),
            new HelpTopic("/poll mine [poll]", "Your own answers (only you see them)."),
            new HelpTopic("/poll list", "This channel's polls."),
            new HelpTopic("/poll close [poll]", "Close a poll (its creator or an admin)."),
            new HelpTopic(
                    "/poll edit [poll] add:\"A; B\" remove:\"C\" rename:\"C => New\" title:… closes:… results:…",
                    "Change an open poll; removed fields keep their answers (its creator or an admin)."),
            new HelpTopic(
                    "/poll reopen [poll] [closes:…] | delete [poll] [confirm]",
                    "Open a closed poll again, or delete it with every answer (its creator or an admin)."),
            new HelpTopic("/poll forget [poll|all] [confirm]", "Delete your own answers."),
            new HelpTopic(
                    "/poll export [poll] [csv|json] | remind [poll]",
                    "The answers as a private file, or the closing reminder now (admins)."),
            new HelpTopic(
                    "/poll rerun [poll] [closes:3d]",
                    "Open a closed poll's next round: members see the last round's view and may revise (its creator or an admin)."),
            new HelpTopic("/poll keep [poll]", "In a later round, keep your answers of the round before."),
            new HelpTopic(
                    "/poll summary schedule <weekday> <HH:MM> [zone] | show | off | now",
                    "Weekly summaries with a chart in this channel (admins)."),
            new HelpTopic("/poll help", "This list."));

    private HelpTopics() {}

    static BotReply.Help reply() {
        return new BotReply.Help(TOPICS);
    }
}
