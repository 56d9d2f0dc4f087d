package dev.fieldpoll.bench;

import dev.fieldpoll.discord.LoopbackDiscord;
import dev.fieldpoll.slack.LoopbackSlack;
import dev.fieldpoll.testing.ChildOutput;
import dev.fieldpoll.testing.ProcStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One start of fieldpoll in a fresh JVM, timed from just before the process is created: until it
 * is connected and ready (console: its first prompt; Discord: /poll registered and the ready line;
 * Slack: the Socket Mode connection open and the ready line), then until it has answered a first
 * {@code /poll help}. The platforms are the tests' loopback fakes; the child runs in its own
 * folder with no configuration file and only the environment set here.
 */
final class StartupProbe {

    /**
     * One start: milliseconds to ready and to the first answer, and when ready the processor time
     * the JVM had used (all its threads: a steadier figure than wall time on a busy machine) and
     * its resident memory.
     */
    record Startup(double readyMillis, double firstAnswerMillis, double cpuMillis, long rssKib) {}

    static final String READY_LINE = "fieldpoll: running on";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path jar;
    private final List<String> javaOptions;

    StartupProbe(Path jar, List<String> javaOptions) {
        this.jar = jar.toAbsolutePath();
        this.javaOptions = List.copyOf(javaOptions);
    }

    /** Starts fieldpoll on {@code target} with its database in {@code folder} (reused across starts). */
    Startup measure(StartupTarget target, Path folder) throws IOException, InterruptedException {
        try (LoopbackDiscord discord = target.discord() ? new LoopbackDiscord() : null;
                LoopbackSlack slack = target.slack() ? new LoopbackSlack() : null) {
            ProcessBuilder builder = new ProcessBuilder(command(folder)).directory(folder.toFile());
            environment(builder.environment(), discord, slack);
            long start = System.nanoTime();
            Process child = builder.start();
            try {
                ChildOutput out = ChildOutput.read(child.getInputStream(), "startup-stdout");
                ChildOutput err = ChildOutput.read(child.getErrorStream(), "startup-stderr");
                boolean ready = target == StartupTarget.CONSOLE
                        ? out.await(0, StartupProbe::prompted, TIMEOUT)
                        : err.await(0, text -> text.contains(READY_LINE), TIMEOUT)
                                && (discord == null || discord.awaitCommandsRegistered(TIMEOUT))
                                && (slack == null || slack.awaitConnectedAndSendHelp());
                long readyAt = System.nanoTime();
                long rss = rssKib(child.pid());
                double cpu = cpuMillis(child.pid());
                if (!ready) {
                    throw new IllegalStateException("fieldpoll did not get ready. Its log:\n" + err.text());
                }
                boolean answered;
                if (target == StartupTarget.CONSOLE) {
                    int mark = out.length();
                    type(child, "/poll help\n");
                    answered = out.await(mark, StartupProbe::prompted, TIMEOUT);
                } else {
                    answered = (discord == null || discord.awaitAnswerToHelp(TIMEOUT))
                            && (slack == null || slack.awaitHelpAcknowledged());
                }
                long answeredAt = System.nanoTime();
                if (!answered) {
                    throw new IllegalStateException("fieldpoll did not answer /poll help. Its log:\n" + err.text());
                }
                stop(child, target);
                return new Startup(millis(readyAt - start), millis(answeredAt - start), cpu, rss);
            } finally {
                child.destroyForcibly();
                child.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    private List<String> command(Path folder) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "run",
                "--db",
                folder.resolve("fieldpoll.db").toString()));
        return command;
    }

    /** Only the platform settings of this start: no token or setting of the shell that runs the benchmark. */
    private static void environment(Map<String, String> env, LoopbackDiscord discord, LoopbackSlack slack) {
        env.keySet()
                .removeIf(name ->
                        name.startsWith("FIELDPOLL_") || name.startsWith("DISCORD_") || name.startsWith("SLACK_"));
        if (discord != null) {
            env.put("DISCORD_TOKEN", LoopbackDiscord.TOKEN);
            env.put("FIELDPOLL_DISCORD_API_URL", discord.apiUrl());
            env.put("FIELDPOLL_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        }
        if (slack != null) {
            env.put("SLACK_BOT_TOKEN", LoopbackSlack.BOT_TOKEN);
            env.put("SLACK_APP_TOKEN", LoopbackSlack.APP_TOKEN);
            env.put("FIELDPOLL_SLACK_API_URL", slack.apiUrl());
        }
    }

    /** The console chat waits for a line: its prompt ("you@#local> ") is the last thing printed. */
    private static boolean prompted(String printed) {
        int prompt = printed.lastIndexOf("@#");
        return prompt >= 0 && printed.endsWith("> ") && printed.indexOf('\n', prompt) < 0;
    }

    private static void type(Process child, String line) throws IOException {
        OutputStream in = child.getOutputStream();
        in.write(line.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Console: :quit. Platforms: SIGTERM, as systemd stops it. */
    private static void stop(Process child, StartupTarget target) throws IOException, InterruptedException {
        if (target == StartupTarget.CONSOLE) {
            type(child, ":quit\n");
            child.getOutputStream().close();
        } else {
            child.destroy();
        }
        child.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The child's resident set (VmRSS), or -1 where /proc does not tell. */
    static long rssKib(long pid) {
        return ProcStatus.kib(pid, ProcStatus.RESIDENT);
    }

    /** User and system time of the process so far (/proc/PID/stat, in clock ticks of 10 ms), or NaN. */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10.0;
        } catch (IOException | RuntimeException unknown) {
            return Double.NaN;
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
