package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.Notice;
import dev.fieldpoll.bot.BotReply.Problem;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.summary.ChannelSummary;
import dev.fieldpoll.summary.ReminderStore;
import dev.fieldpoll.summary.Schedule;
import dev.fieldpoll.summary.SummaryJob;
import dev.fieldpoll.summary.SummaryStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The admin commands of weekly summaries: schedule, show, off, now — per channel. */
public final class SummaryCommands {

    private static final DateTimeFormatter NEXT =
            DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private final SummaryStore store;
    private final ReminderStore reminders;
    private final SummaryJob job;
    private final Clock clock;
    private final ZoneId defaultZone;

    public SummaryCommands(
            SummaryStore store, ReminderStore reminders, SummaryJob job, Clock clock, ZoneId defaultZone) {
        this.store = store;
        this.reminders = reminders;
        this.job = job;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /** A poll created with remind:off gets no closing-soon post. */
    void turnOffReminder(long pollId) {
        reminders.setEnabled(pollId, false);
    }

    BotReply handle(Member member, BotCommand command) {
        if (!member.admin()) {
            return new Problem("Only admins can manage this channel's weekly summaries.");
        }
        if (command instanceof BotCommand.ScheduleSummary schedule) {
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
        if (command instanceof BotCommand.ShowSummarySchedule) {
            Optional<Schedule> schedule = store.schedule(member.workspace(), member.channelId());
            return new Notice(schedule.map(found -> "Weekly summaries in this channel: " + describe(found))
                    .orElse("This channel has no weekly summary. Set one with `/poll summary schedule monday 09:00`."));
        }
        if (command instanceof BotCommand.StopSummaries) {
            return new Notice(
                    store.deleteSchedule(member.workspace(), member.channelId())
                            ? "Weekly summaries in this channel are off."
                            : "This channel had no weekly summary.");
        }
        ChannelSummary posted = job.postNow(
                member.workspace(),
                member.channelId(),
                store.schedule(member.workspace(), member.channelId())
                        .map(Schedule::zone)
                        .orElse(defaultZone));
        return new Notice(
                "Posted a summary of " + posted.polls().size() + (posted.polls().size() == 1 ? " poll." : " polls."));
    }

    private String describe(Schedule schedule) {
        String day = schedule.day().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        return "every " + day + " at " + schedule.time() + " " + schedule.zone().getId() + ". Next: "
                + NEXT.format(schedule.nextRunAfter(clock.instant()).at().atZone(schedule.zone())) + ".";
    }
}
