package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checkpoints the embedded HSQLDB database before a step once its log has grown past {@value #LOG_BYTES} bytes,
 * when the previous step has closed its cursors and no transaction is open: HSQLDB's own automatic checkpoint is
 * off because it waits for every open transaction and would deadlock against the cursor of a streaming step (and
 * so would a checkpoint in {@code afterStep}, which runs before the step closes its reader). Other databases
 * manage their logs themselves; for them this does nothing.
 */
class DatabaseCheckpointListener implements StepExecutionListener {

    /**
     * The log a checkpoint waits for: a few seconds of replay at most when the database is next opened. A
     * checkpoint before every step took about 13 ms each, a third of a second a run, mostly for a log of a few
     * kilobytes.
     */
    static final long LOG_BYTES = 4L << 20;

    private final JdbcTemplate jdbc;

    private final boolean hsqldb;

    /** The database's log file ({@code <database>.log}), or {@code null} when the URL does not show it. */
    private final Path log;

    DatabaseCheckpointListener(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        String url = url(dataSource);
        this.hsqldb = url.startsWith(FILE_URL);
        this.log = hsqldb ? Path.of(url.substring(FILE_URL.length()).split(";", 2)[0] + ".log") : null;
        if (hsqldb) {
            // also for a database created before the URL turned the automatic checkpoint off
            jdbc.execute("SET FILES LOG SIZE 0");
        }
    }

    private static final String FILE_URL = "jdbc:hsqldb:file:";

    private static String url(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot reach the database to see which it is: " + ex.getMessage(), ex);
        }
    }

    /** The log's size; unknown counts as large, so the database is checkpointed as before. */
    private long logBytes() {
        try {
            return Files.size(log);
        }
        catch (java.nio.file.NoSuchFileException ex) {
            return 0; // nothing logged since the last checkpoint
        }
        catch (IOException | RuntimeException ex) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (hsqldb && logBytes() > LOG_BYTES) {
            jdbc.execute("CHECKPOINT");
        }
    }

}
