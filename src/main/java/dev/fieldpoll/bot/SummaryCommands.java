package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.Notice;
import dev.fieldpoll.bot.BotReply.Problem;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.Schedule;
import dev.fieldpoll.summary.SummaryJob;
import dev.fieldpoll.summary.SummaryStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The admin commands of weekly summaries, per channel: one method per command. Thread-safe: it
 * keeps no state of its own.
 */
public final class SummaryCommands {

    private static final DateTimeFormatter NEXT =
            DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm z", Locale.ENGLISH);
    private static final Problem ADMINS_ONLY = new Problem("Only admins can manage this channel's weekly summaries.");

    private final SummaryStore store;
    private final SummaryJob job;
    private final Clock clock;
    private final ZoneId defaultZone;

    public SummaryCommands(SummaryStore store, SummaryJob job, Clock clock, ZoneId defaultZone) {
        this.store = store;
        this.job = job;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    BotReply schedule(Member member, BotCommand.ScheduleSummary schedule) {
        if (!member.admin()) {
            return ADMINS_ONLY;
        }
        Schedule saved = new Schedule(
                member.workspace(),
                member.channelId(),
                schedule.day(),
                schedule.time(),
                schedule.zone().orElse(defaultZone),
                clock.instant());
        store.saveSchedule(saved, member.userId());
        return new Notice("Weekly summaries in this channel: " + describe(saved));
    }

    BotReply show(Member member) {
        if (!member.admin()) {
            return ADMINS_ONLY;
        }
        Optional<Schedule> schedule = store.schedule(member.workspace(), member.channelId());
        return new Notice(schedule.map(found -> "Weekly summaries in this channel: " + describe(found))
                .orElse("This channel has no weekly summary. Set one with `/poll summary schedule monday 09:00`."));
    }

    BotReply stop(Member member) {
        if (!member.admin()) {
            return ADMINS_ONLY;
        }
        return new Notice(
                store.deleteSchedule(member.workspace(), member.channelId())
                        ? "Weekly summaries in this channel are off."
                        : "This channel had no weekly summary.");
    }

    /** Built and posted on the jobs' thread; the reply comes once it is posted (or has given up). */
    CompletionStage<BotReply> now(Member member) {
        if (!member.admin()) {
            return CompletableFuture.completedFuture(ADMINS_ONLY);
        }
        ZoneId zone = store.schedule(member.workspace(), member.channelId())
                .map(Schedule::zone)
                .orElse(defaultZone);
        return job.postNow(member.workspace(), member.channelId(), zone).thenApply(SummaryCommands::posted);
    }

    private static BotReply posted(ChannelSummary summary) {
        int polls = summary.polls().size();
        return new Notice("Posted a summary of " + polls + (polls == 1 ? " poll." : " polls."));
    }

    /** For an admin, the summary schedules of every channel of their workspace, described; else none. */
    List<AppHome.ScheduleLine> schedulesOf(Member member) {
        if (!member.admin()) {
            return List.of();
        }
        return store.schedules().stream()
                .filter(schedule -> schedule.workspace().equals(member.workspace()))
                .map(schedule -> new AppHome.ScheduleLine(schedule.channelId(), describe(schedule)))
                .toList();
    }

    private String describe(Schedule schedule) {
        String day = schedule.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return "every " + day + " at " + schedule.time() + " " + schedule.zone().getId() + ". Next: "
                + NEXT.format(schedule.nextRunAfter(clock.instant()).at().atZone(schedule.zone())) + ".";
    }
}
