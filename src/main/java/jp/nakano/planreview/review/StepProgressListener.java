package jp.nakano.planreview.review;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After each step, one plain log line a person can follow: the step, its rows and its time. For a load
 * step the counts are also kept beside the file's checksum in {@code run_input_file}.
 */
class StepProgressListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepProgressListener.class);

    private final JdbcTemplate jdbc;

    /** The file a load step reads, or {@code null} for the other steps. */
    private final String fileName;

    StepProgressListener(JdbcTemplate jdbc, String fileName) {
        this.jdbc = jdbc;
        this.fileName = fileName;
    }

    /** Findings of the run when the step started: the step's own are the difference at its end. */
    private long findingsBefore;

    @Override
    public void beforeStep(StepExecution step) {
        findingsBefore = findings(step);
    }

    private long findings(StepExecution step) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM run_finding WHERE run_id = ?", Long.class,
                step.getJobExecutionId());
        return count == null ? 0 : count;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        long found = findings(step) - findingsBefore;
        Duration took = step.getStartTime() == null ? Duration.ZERO
                : Duration.between(step.getStartTime(), java.time.LocalDateTime.now());
        String seconds = String.format("%5.1f s", took.toMillis() / 1000.0);
        if (fileName != null) {
            jdbc.update("UPDATE run_input_file SET rows_read = ?, rows_loaded = ?, rows_rejected = ? WHERE run_id = ? AND file_name = ?",
                    step.getReadCount(), step.getWriteCount(), step.getSkipCount(), step.getJobExecutionId(), fileName);
            log.info(String.format("%-26s %-24s read %7d, loaded %7d, rejected %4d, findings %4d %s  %s",
                    step.getStepName(), fileName, step.getReadCount(), step.getWriteCount(), step.getSkipCount(), found,
                    seconds, step.getStatus()));
        }
        else {
            log.info(String.format("%-26s %-24s read %7d, written %6d, skipped %4d, findings %4d %s  %s",
                    step.getStepName(), "", step.getReadCount(), step.getWriteCount(), step.getSkipCount(), found,
                    seconds, step.getStatus()));
        }
        return step.getExitStatus();
    }

}
