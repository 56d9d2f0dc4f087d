package dev.fieldpoll.bot;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for the bot's pools: a stuck platform call never keeps the JVM from exiting. */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Threads called {@code name-1}, {@code name-2}, … */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
