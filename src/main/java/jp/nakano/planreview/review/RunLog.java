package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;

/**
 * The log of one run, stack traces included, written into the run's working folder so that it is published
 * with the results (and listed in the manifest) or kept beside a failed run. The console keeps its one plain
 * line per step.
 */
final class RunLog {

    /** Writes into the run log only: what the console must not repeat, such as stack traces. */
    private static final String OWN = "jp.nakano.planreview.runlog";

    /** Loggers whose events the run log takes: everything, the batch framework's own errors, and its own. */
    private static final String[] LOGGERS = { Logger.ROOT_LOGGER_NAME, "org.springframework.batch", OWN };

    private FileAppender<ILoggingEvent> appender;

    /** Starts writing the log into {@code file}; nothing happens where Logback is not the logging system. */
    synchronized void start(Path file) throws IOException {
        stop();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Files.createDirectories(file.getParent());
        OneLineStatusListener.installInstead(context); // a full disk: one console line, not a stack trace
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        FileAppender<ILoggingEvent> log = new FileAppender<>();
        log.setContext(context);
        log.setName("run-log");
        log.setFile(file.toString());
        log.setEncoder(encoder);
        log.start();
        for (String name : LOGGERS) {
            context.getLogger(name).addAppender(log);
        }
        context.getLogger(OWN).setAdditive(false);
        appender = log;
    }

    /** Writes a failure of the run, with its stack trace, into the run log (the console has its message). */
    void failure(String what, Throwable failure) {
        LoggerFactory.getLogger(OWN).error(what, failure);
    }

    /** Stops writing: before the manifest records the log's checksum, and at the end of the run. */
    synchronized void stop() {
        if (appender == null) {
            return;
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (String name : LOGGERS) {
                context.getLogger(name).detachAppender(appender);
            }
        }
        appender.stop();
        appender = null;
    }

}
