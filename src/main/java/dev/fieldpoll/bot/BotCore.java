package dev.fieldpoll.bot;

import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.report.ReportService;
import java.time.ZoneId;

/**
 * What the commands work with: the use cases, reports, summaries, results pages, poll messages, a
 * poll's life after posting and its rounds.
 */
record BotCore(
        PollService polls,
        ReportService reports,
        SummaryCommands summaries,
        ResultsPageService pages,
        PollMessageRefresher pollMessages,
        ZoneId zone,
        LifecycleCommands.Parts lifecycle,
        RoundCommands rounds) {}
