package dev.fieldpoll.cli;

import java.util.concurrent.CountDownLatch;

/** Waits for SIGTERM or Ctrl-C, then runs the given shutdown before the JVM exits. */
final class StopSignal {

    private StopSignal() {}

    static void await(Runnable shutdown) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            shutdown.run();
                            stopped.countDown();
                        },
                        "fieldpoll-shutdown"));
        stopped.await();
    }
}
