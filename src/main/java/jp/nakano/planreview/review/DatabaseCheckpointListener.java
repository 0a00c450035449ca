package jp.nakano.planreview.review;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checkpoints the embedded HSQLDB database before each step, when the previous step has closed its cursors
 * and no transaction is open: HSQLDB's own automatic checkpoint is off because it waits for every open
 * transaction and would deadlock against the cursor of a streaming step (and so would a checkpoint in
 * {@code afterStep}, which runs before the step closes its reader). The checkpoint also makes the records of the
 * steps before it durable: checkpointing only once the log had grown past a few megabytes saved a third of a
 * second a run, but a run killed just after {@code prepareRunStep} then left no record for the next run to find
 * (RunFaultsTests; HSQLDB writes its log with a delay). Other databases manage their logs themselves; for them
 * this does nothing.
 */
class DatabaseCheckpointListener implements StepExecutionListener {

    private final JdbcTemplate jdbc;

    private final boolean hsqldb;

    DatabaseCheckpointListener(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.hsqldb = isHsqldbFile(dataSource);
        if (hsqldb) {
            // also for a database created before the URL turned the automatic checkpoint off
            jdbc.execute("SET FILES LOG SIZE 0");
        }
    }

    private static boolean isHsqldbFile(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:hsqldb:file:");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot reach the database to see which it is: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (hsqldb) {
            jdbc.execute("CHECKPOINT");
        }
    }

}
