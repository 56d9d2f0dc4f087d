package dev.fieldpoll.store;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.bot.BotCommand;
import dev.fieldpoll.bot.BotReply;
import dev.fieldpoll.bot.Caller;
import dev.fieldpoll.bot.PollBot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.testing.TestConfigs;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The child JVM of {@link CrashTest}: members vote through {@link PollBot}, as the adapters do,
 * from many threads and without end, and every vote the bot acknowledged is printed as
 * {@code ACK member field factor score END}. A line the kill cut short lacks its END.
 *
 * <p>Every member answers each cell once, so an acknowledged answer can only be found as printed.
 */
public final class VoteLoad {

    private static final String WORKSPACE = "crash-guild";
    private static final String CHANNEL = "crash-channel";

    private final PollBot bot;
    private final Poll poll;
    private final PrintStream out;

    private VoteLoad(PollBot bot, Poll poll, PrintStream out) {
        this.bot = bot;
        this.poll = poll;
        this.out = out;
    }

    /**
     * @param args the folder of the database file, the number of voting threads, and optionally a
     *             PostgreSQL URL to vote into instead of the file
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Config config = TestConfigs.at(Path.of(args[0]));
        if (args.length > 2) {
            config = config.withDatabase(DatabaseTarget.parse(args[2], Optional.empty()));
        }
        // Never closed: the test kills this JVM.
        Wiring wiring = new Wiring(config, Clock.systemUTC());
        Poll poll = createPoll(wiring.bot());
        out.println("POLL " + poll.id());
        VoteLoad load = new VoteLoad(wiring.bot(), poll, out);
        int threads = Integer.parseInt(args[1]);
        for (int thread = 0; thread < threads; thread++) {
            int number = thread;
            new Thread(() -> load.voteWithoutEnd(number), "voter-" + thread).start();
        }
    }

    private static Poll createPoll(PollBot bot) {
        Caller admin = new Caller(Platform.DISCORD, WORKSPACE, CHANNEL, "admin", true);
        BotReply reply = bot.handle(
                        admin,
                        new BotCommand.Create(
                                List.of("ai-safety-automation"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                List.of(),
                                List.of()))
                .toCompletableFuture()
                .join();
        return ((BotReply.PollPosted) reply).poll();
    }

    private void voteWithoutEnd(int thread) {
        List<CellKey> cells = poll.definition().cells();
        for (long vote = 0; ; vote++) {
            String member = "t" + thread + "-m" + vote / cells.size();
            CellKey cell = cells.get((int) (vote % cells.size()));
            int score = 1 + (int) ((vote + thread) % 5);
            Caller caller = new Caller(Platform.DISCORD, WORKSPACE, CHANNEL, member, false);
            BotReply reply = bot.handle(caller, command(vote, cell, score))
                    .toCompletableFuture()
                    .join();
            if (reply instanceof BotReply.VoteSaved) {
                out.println("ACK " + member + " " + cell.field() + " " + cell.factor() + " " + score + " END");
            } else {
                out.println("REFUSED " + reply);
            }
        }
    }

    /** Half the votes as a ballot UI sends them, half as typed. */
    private BotCommand command(long vote, CellKey cell, int score) {
        if (vote % 2 == 0) {
            return new BotCommand.SetAnswers(poll.id(), Map.of(cell, Integer.toString(score)));
        }
        return new BotCommand.Vote(
                new PollRef.ById(poll.id()),
                cell.field(),
                List.of(new BotCommand.FactorScore(cell.factor(), Integer.toString(score))));
    }
}
