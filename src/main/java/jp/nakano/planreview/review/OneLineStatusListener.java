package jp.nakano.planreview.review;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logging's own errors (a log file that cannot be written: a full disk) as one plain console line each,
 * once, instead of the stack trace logback prints by default: the console stays readable, and the cause
 * is named. {@link RunLog} puts it in place of the console listeners when a run starts.
 */
public class OneLineStatusListener implements StatusListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Set<String> said = ConcurrentHashMap.newKeySet();

    /**
     * Replaces the listeners that print logging's errors with their stack traces on the console (Spring Boot
     * adds one) by this one; the log files keep every stack trace of the run itself.
     */
    static void installInstead(ch.qos.logback.core.Context context) {
        ch.qos.logback.core.status.StatusManager manager = context.getStatusManager();
        for (StatusListener listener : manager.getCopyOfStatusListenerList()) {
            if (listener instanceof ch.qos.logback.core.status.OnConsoleStatusListener) {
                manager.remove(listener);
            }
        }
        if (manager.getCopyOfStatusListenerList().stream().noneMatch(OneLineStatusListener.class::isInstance)) {
            manager.add(new OneLineStatusListener());
        }
    }

    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() < Status.ERROR) {
            return;
        }
        Throwable cause = status.getThrowable();
        String line = status.getMessage() + (cause == null ? "" : ": " + cause.getMessage());
        if (said.add(line)) {
            System.err.println(LocalTime.now().format(TIME) + " ERROR logging: " + line);
        }
    }

}
