package dev.fieldpoll.slack;

import static dev.fieldpoll.slack.Mrkdwn.escape;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.fieldpoll.bot.ActionId;
import dev.fieldpoll.bot.ActionIds;
import dev.fieldpoll.bot.CloseTimeText;
import dev.fieldpoll.bot.PollMessageView;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The poll message everyone in the channel sees: what is asked, the fields, voters so far, the
 * close time, and the Vote, Results, My votes and Edit buttons. Re-rendered as votes arrive and when
 * the poll closes (then without Vote). Never more than a dozen blocks, whatever the poll's size.
 */
final class SlackPollMessageRenderer {

    static final String ACTIONS_BLOCK = "poll-actions";

    private final ZoneId zone;

    SlackPollMessageRenderer(ZoneId zone) {
        this.zone = zone;
    }

    List<LayoutBlock> render(Poll poll, int voters, Instant now) {
        return render(new PollMessageView(poll, voters, now));
    }

    /** The message as the view has it: with a live poll's top fields, and a link to its results post once posted. */
    List<LayoutBlock> render(PollMessageView view) {
        Poll poll = view.poll();
        int voters = view.voters();
        Instant now = view.now();
        PollDefinition definition = poll.definition();
        boolean open = poll.isOpenAt(now);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder()
                .text(Mrkdwn.plain(poll.title(), BlockLimits.HEADER_TEXT))
                .build());
        blocks.add(Mrkdwn.section(
                "Score each field on each factor from *" + definition.scale().min() + "* to *"
                        + definition.scale().max() + "*, or choose _don't know_. Only you see your own votes."));
        for (Factor factor : definition.factors()) {
            blocks.add(Mrkdwn.section(factorText(factor, definition)));
        }
        List<String> fieldLines = new ArrayList<>();
        fieldLines.add("*Fields* (" + definition.fields().size() + ")");
        for (Field field : definition.fields()) {
            fieldLines.add("• *" + escape(field.name()) + "*"
                    + (field.description().isEmpty() ? "" : " — " + escape(field.description())));
        }
        blocks.addAll(Mrkdwn.sections(fieldLines));
        if (!view.liveTop().isEmpty()) {
            List<String> live = new ArrayList<>();
            live.add("*Top so far* (rank range = 90% interval)");
            view.liveTop()
                    .forEach(field ->
                            live.add(field.rank() + ". *" + escape(field.name()) + "* · rank " + field.rankRange()));
            blocks.addAll(Mrkdwn.sections(live));
        }
        blocks.add(ContextBlock.builder()
                .elements(List.<ContextBlockElement>of(Mrkdwn.markdown(status(poll, voters, now, open))))
                .build());
        view.resultsLink()
                .ifPresent(link ->
                        blocks.add(Mrkdwn.section(":bar_chart: <" + link + "|The results are posted in this thread>")));
        blocks.add(ActionsBlock.builder()
                .blockId(ACTIONS_BLOCK)
                .elements(buttons(poll, open, view.resultsLink()))
                .build());
        return blocks;
    }

    /** What notifications and screen readers show instead of the blocks. */
    String fallbackText(Poll poll, int voters, Instant now) {
        return Mrkdwn.truncate(
                "Poll #" + poll.id() + ": " + escape(poll.title()) + " — "
                        + (poll.isOpenAt(now) ? "press Vote to score the fields. " : "closed. ")
                        + Mrkdwn.plural(voters, "voter") + " so far.",
                BlockLimits.FALLBACK_TEXT);
    }

    static String factorText(Factor factor, PollDefinition definition) {
        StringBuilder text =
                new StringBuilder("*").append(escape(factor.name())).append('*');
        if (factor.hasOwnQuestion()) {
            text.append(" — ").append(escape(factor.question()));
        }
        if (!factor.lowLabel().isEmpty() || !factor.highLabel().isEmpty()) {
            text.append("\n_")
                    .append(definition.scale().min())
                    .append(" = ")
                    .append(escape(factor.lowLabel().isEmpty() ? "lowest" : factor.lowLabel()))
                    .append("  ·  ")
                    .append(definition.scale().max())
                    .append(" = ")
                    .append(escape(factor.highLabel().isEmpty() ? "highest" : factor.highLabel()))
                    .append('_');
        }
        return text.toString();
    }

    private String status(Poll poll, int voters, Instant now, boolean open) {
        StringBuilder text = new StringBuilder();
        if (open) {
            text.append("Poll #")
                    .append(poll.id())
                    .append(" · ")
                    .append(Mrkdwn.plural(voters, "voter"))
                    .append(" so far · ");
            text.append(closesText(poll, zone));
            text.append(" · ").append(visibility(poll));
        } else {
            text.append("*Closed*");
            poll.endedAt(now).ifPresent(at -> text.append(' ').append(date(at)));
            text.append(" · Poll #").append(poll.id()).append(" · ").append(Mrkdwn.plural(voters, "voter"));
        }
        return text.toString();
    }

    /** "closes end of 24 Dec …", "closes <date>" or "open until closed": also the App Home's line. */
    static String closesText(Poll poll, ZoneId zone) {
        return poll.closesAtTime()
                .map(at -> "closes " + CloseTimeText.endOfDay(at, zone).orElseGet(() -> SlackDate.token(at, zone)))
                .orElse("open until closed");
    }

    private static String visibility(Poll poll) {
        switch (poll.visibility()) {
            case LIVE:
                return "results visible to everyone";
            case AFTER_CLOSE:
                return "results once the poll closes";
            default:
                return "results once you have voted";
        }
    }

    private String date(Instant at) {
        return SlackDate.token(at, zone);
    }

    /** Once the results are posted, Results opens the post (Slack still sends the press, which is answered as before). */
    private static List<BlockElement> buttons(Poll poll, boolean open, java.util.Optional<String> resultsLink) {
        List<BlockElement> buttons = new ArrayList<>();
        if (open) {
            buttons.add(button("Vote", ActionId.of(ActionId.Action.VOTE, poll.id()), "primary"));
        }
        ButtonElement results = button("Results", ActionId.of(ActionId.Action.RESULTS, poll.id()), null);
        resultsLink.ifPresent(results::setUrl);
        buttons.add(results);
        buttons.add(button("My votes", ActionId.of(ActionId.Action.MINE, poll.id()), null));
        if (open) {
            // everyone sees it; pressing it, only the creator or an admin gets the form
            buttons.add(button("Edit", ActionId.of(ActionId.Action.EDIT, poll.id()), null));
        }
        return buttons;
    }

    private static ButtonElement button(String label, ActionId id, String style) {
        return ButtonElement.builder()
                .text(Mrkdwn.plain(label, BlockLimits.BUTTON_TEXT))
                .actionId(ActionIds.encode(id))
                .style(style)
                .build();
    }

    /** What a deleted poll's message becomes: one line, no buttons. */
    static SlackMessage deleted(Poll poll) {
        String text = ":wastebasket: Poll #" + poll.id() + " *" + Mrkdwn.escape(poll.title())
                + "* was deleted, with every answer in it.";
        return new SlackMessage(text, List.of(Mrkdwn.section(text)));
    }
}
