package dev.fieldpoll.cli;

import dev.fieldpoll.app.Config;
import dev.fieldpoll.app.Wiring;
import dev.fieldpoll.poll.CreateRequest;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Create a poll, fill it with synthetic voters, and print its report. Same seed, same output.")
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--template", paramLabel = "KEY", description = "Template key (default: the configured default).")
    String template;

    @Option(
            names = "--voters",
            defaultValue = "200",
            description = "Number of synthetic voters (default: ${DEFAULT-VALUE}).")
    int voters;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Quiet.logging();
        if (voters < 1 || voters > 1_000_000) {
            throw new UserInputException("--voters must be between 1 and 1000000.");
        }
        // Without --db, a throwaway file: a simulation never lands in the configured database.
        Path temporary = options.database == null ? Files.createTempDirectory("fieldpoll-simulate") : null;
        Config config = options.load();
        if (temporary != null) {
            config = config.withDatabasePath(temporary.resolve("simulation.db"));
        }
        try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
            Member organizer =
                    new Member(new Workspace(Platform.CONSOLE, "simulation"), "simulation", "simulator", true);
            Poll poll = create(wiring, organizer);
            new VoterSimulator(seed).fill(wiring.polls(), poll, organizer, voters);
            PrintWriter out = spec.commandLine().getOut();
            out.println(format.render(wiring.reports().reportFor(poll)));
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
        return 0;
    }

    private Poll create(Wiring wiring, Member organizer) {
        CreateRequest request = new CreateRequest(
                Optional.ofNullable(template),
                Optional.empty(),
                List.of(),
                List.of(),
                ResultsVisibility.LIVE,
                Optional.empty(),
                Optional.empty(),
                true,
                true,
                Scale.ONE_TO_FIVE);
        return wiring.polls()
                .create(organizer, request)
                .toCompletableFuture()
                .join()
                .accept(new Outcomes.Created.Visitor<Poll>() {
                    @Override
                    public Poll created(Outcomes.PollCreated created) {
                        return created.poll();
                    }

                    @Override
                    public Poll refused(Outcomes.Refused refused) {
                        throw new UserInputException(refused.reason());
                    }
                });
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
