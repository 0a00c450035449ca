package jp.nakano.planreview.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a load step: one plain log line with rows read, loaded and rejected, and the same counts kept
 * with the file's checksum in {@code run_input_file}.
 */
class LoadProgressListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LoadProgressListener.class);

    private final JdbcTemplate jdbc;

    private final String fileName;

    LoadProgressListener(JdbcTemplate jdbc, String fileName) {
        this.jdbc = jdbc;
        this.fileName = fileName;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        long runId = step.getJobExecutionId();
        long rejected = step.getSkipCount();
        jdbc.update("UPDATE run_input_file SET rows_read = ?, rows_loaded = ?, rows_rejected = ? WHERE run_id = ? AND file_name = ?",
                step.getReadCount(), step.getWriteCount(), rejected, runId, fileName);
        log.info(String.format("%-26s %-24s read %6d, loaded %6d, rejected %4d  %s", step.getStepName(), fileName,
                step.getReadCount(), step.getWriteCount(), rejected, step.getStatus()));
        return step.getExitStatus();
    }

}
