package dev.fieldpoll.cli;

/** Interactive and scripting commands keep the log to warnings, so their output stays readable. */
final class Quiet {

    private Quiet() {}

    static void logging() {
        if (System.getProperty("fieldpoll.log.level") == null) {
            System.setProperty("fieldpoll.log.level", "WARN");
        }
    }
}
