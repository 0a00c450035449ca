package jp.nakano.planreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.OnConsoleStatusListener;

/** A full disk while the run log is written: one console line naming the file and the cause, no stack trace. */
class OneLineStatusListenerTests {

    @Test
    void shouldSayAFullDiskInOneConsoleLine() {
        LoggerContext context = new LoggerContext();
        OnConsoleStatusListener console = new OnConsoleStatusListener();
        console.setContext(context);
        context.getStatusManager().add(console);

        OneLineStatusListener.installInstead(context);
        String printed = stderrOf(() -> {
            for (int i = 0; i < 3; i++) {
                context.getStatusManager().add(new ErrorStatus("IO failure while writing to file [out/.work-1/run.log]",
                        this, new IOException("No space left on device")));
            }
        });

        assertThat(context.getStatusManager().getCopyOfStatusListenerList())
            .noneMatch(OnConsoleStatusListener.class::isInstance)
            .anyMatch(OneLineStatusListener.class::isInstance);
        assertThat(printed.lines().toList()).singleElement().satisfies(line -> assertThat(line)
            .endsWith("ERROR logging: IO failure while writing to file [out/.work-1/run.log]: No space left on device"));
        assertThat(printed).doesNotContain("\tat ");
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        }
        finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

}
