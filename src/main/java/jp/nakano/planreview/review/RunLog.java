package jp.nakano.planreview.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;

/**
 * The log of one run, stack traces included, written into the run's working folder so that it is published
 * with the results (and listed in the manifest) or kept beside a failed run. The console keeps its one plain
 * line per step. A copy is kept in memory: on a full disk the file stops short, and once the failed run's
 * outputs are removed the whole log, failure included, is written again ({@link #rewrite}).
 */
final class RunLog {

    /** Writes into the run log only: what the console must not repeat, such as stack traces. */
    private static final String OWN = "jp.nakano.planreview.runlog";

    /** Loggers whose events the run log takes: everything, the batch framework's own errors, and its own. */
    private static final String[] LOGGERS = { Logger.ROOT_LOGGER_NAME, "org.springframework.batch", OWN };

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n";

    /** The memory copy stops here (a run's log is some kilobytes; this is a safety net, not a limit in use). */
    private static final int MEMORY_LIMIT = 16 * 1024 * 1024;

    private FileAppender<ILoggingEvent> appender;

    private OutputStreamAppender<ILoggingEvent> memory;

    private Bounded copy;

    /** Starts writing the log into {@code file}; nothing happens where Logback is not the logging system. */
    synchronized void start(Path file) throws IOException {
        stop();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        QuietStatus.install(context);
        Files.createDirectories(file.getParent());
        FileAppender<ILoggingEvent> log = new FileAppender<>();
        log.setContext(context);
        log.setName("run-log");
        log.setFile(file.toString());
        log.setEncoder(encoder(context));
        log.start();
        copy = new Bounded();
        OutputStreamAppender<ILoggingEvent> inMemory = new OutputStreamAppender<>();
        inMemory.setContext(context);
        inMemory.setName("run-log-memory");
        inMemory.setEncoder(encoder(context));
        inMemory.setOutputStream(copy);
        inMemory.start();
        for (String name : LOGGERS) {
            context.getLogger(name).addAppender(log);
            context.getLogger(name).addAppender(inMemory);
        }
        context.getLogger(OWN).setAdditive(false);
        appender = log;
        memory = inMemory;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
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
                context.getLogger(name).detachAppender(memory);
            }
        }
        appender.stop();
        memory.stop();
        appender = null;
        memory = null;
    }

    /**
     * Writes the whole log of the run that was last started into {@code file} again, from memory: a disk that
     * was full may have cut the file short. Call after {@link #stop}.
     *
     * @return whether the file now holds the whole log
     */
    synchronized boolean rewrite(Path file) {
        if (copy == null) {
            return Files.isRegularFile(file);
        }
        byte[] all = copy.bytes();
        try {
            if (Files.isRegularFile(file) && Files.size(file) == all.length) {
                return true;
            }
            Files.write(file, all);
            return true;
        }
        catch (IOException ex) {
            QuietStatus.say("the run log " + file + " cannot be written either: " + ex.getMessage());
            return false;
        }
    }

    /** An in-memory copy that stops growing at {@link #MEMORY_LIMIT}. */
    private static final class Bounded extends OutputStream {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        private boolean full;

        @Override
        public synchronized void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (bytes.size() + len > MEMORY_LIMIT) {
                if (!full) {
                    bytes.writeBytes("... (the rest is in the data folder's logs/plan-review.log)\n"
                        .getBytes(StandardCharsets.UTF_8));
                    full = true;
                }
                return;
            }
            bytes.write(b, off, len);
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

    }

    /**
     * Replaces Logback's printing of its own errors to the console (a stack trace for every line a full disk
     * refuses) by one plain line per file that cannot be written; the traces go nowhere a person reads anyway.
     */
    static final class QuietStatus implements StatusListener {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

        private final Set<String> said = ConcurrentHashMap.newKeySet();

        static synchronized void install(LoggerContext context) {
            StatusManager statuses = context.getStatusManager();
            if (statuses.getCopyOfStatusListenerList().stream().anyMatch(QuietStatus.class::isInstance)) {
                return;
            }
            for (StatusListener listener : statuses.getCopyOfStatusListenerList()) {
                // Spring Boot's and Logback's console printers
                String name = listener.getClass().getSimpleName();
                if (name.equals("SystemStatusListener") || name.contains("ConsoleStatusListener")) {
                    statuses.remove(listener);
                }
            }
            statuses.add(new QuietStatus());
        }

        @Override
        public void addStatusEvent(Status status) {
            if (status.getLevel() < Status.ERROR) {
                return;
            }
            Object origin = status.getOrigin();
            String where = origin instanceof FileAppender<?> file ? file.getFile()
                    : origin == null ? "logging" : origin.toString();
            Throwable cause = status.getThrowable();
            String why = cause == null ? status.getMessage() : cause.getMessage();
            if (said.add(where)) {
                say("a log file cannot be written (" + where + "): " + why);
            }
        }

        static void say(String line) {
            System.err.println(LocalTime.now().format(TIME) + " WARN  " + line);
        }

        @Override
        public boolean isResetResistant() {
            return true;
        }

    }

}
