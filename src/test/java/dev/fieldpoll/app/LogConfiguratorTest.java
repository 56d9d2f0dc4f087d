package dev.fieldpoll.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The logging set up in code says what logback.xml said: stderr, one line per event, INFO unless told. */
class LogConfiguratorTest {

    @Test
    void logsToStderrAtInfoWithFlywayFromWarn() {
        // given
        LoggerContext context = new LoggerContext();

        // when
        LogConfigurator.toStderr(context, null);

        // then
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR"))
                .isInstanceOfSatisfying(
                        ConsoleAppender.class,
                        appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
    }

    @Test
    void theConsoleAndTheToolsLowerTheLevel() {
        LoggerContext context = new LoggerContext();

        LogConfigurator.toStderr(context, "WARN");

        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
                .isEqualTo(Level.WARN);
    }

    @Test
    void writesOneLineWithTimeLevelShortLoggerAndMessage() {
        // given
        LoggerContext context = new LoggerContext();
        LogConfigurator.toStderr(context, null);
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        Logger logger = context.getLogger("dev.fieldpoll.store.Database");

        // when
        LoggingEvent event =
                new LoggingEvent(Logger.FQCN, logger, Level.INFO, "Opened database {}", null, new Object[] {"x.db"});
        String line = new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);

        // then
        assertThat(line)
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  d\\.f\\.store\\.Database - Opened database x\\.db\\R");
    }
}
