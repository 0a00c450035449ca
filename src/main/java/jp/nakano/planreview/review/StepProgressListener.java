package jp.nakano.planreview.review;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.input.CsvRowReader;

/**
 * After each step, one plain log line a person can follow: the step, its rows and its time. For a load
 * step the counts are also kept beside the file's checksum in {@code run_input_file}, and the checksum becomes
 * that of the bytes the step read: a file that changed since the run started is a finding.
 */
class StepProgressListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepProgressListener.class);

    private final JdbcTemplate jdbc;

    /** The file a load step reads, or {@code null} for the other steps. */
    private final String fileName;

    /** The reader of a load step, or {@code null}. */
    private final CsvRowReader reader;

    private final FindingRecorder recorder;

    StepProgressListener(JdbcTemplate jdbc, String fileName) {
        this(jdbc, fileName, null, null);
    }

    /** For the load step of one input file. */
    StepProgressListener(JdbcTemplate jdbc, String fileName, CsvRowReader reader, FindingRecorder recorder) {
        this.jdbc = jdbc;
        this.fileName = fileName;
        this.reader = reader;
        this.recorder = recorder;
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
            // the file is read a few thousand rows ahead of the step (ReadAheadReader): for a step that failed midway,
            // the blank rows the reading had passed, which may be beyond the row the step stopped at
            long blank = reader == null ? 0 : reader.blankRows();
            // rows read = loaded + rejected (+ left out, moved from loaded by the cross-checks); blank rows apart
            jdbc.update("UPDATE run_input_file SET rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_left_out = 0, "
                    + "rows_blank = ? WHERE run_id = ? AND file_name = ?",
                    step.getReadCount(), step.getWriteCount(), step.getSkipCount(), blank, step.getJobExecutionId(),
                    fileName);
            // only for a step that took the whole file: one that failed may have had the file read to its end ahead
            if (reader != null && reader.readFingerprint() != null && step.getStatus() == BatchStatus.COMPLETED) {
                fingerprintOfWhatWasRead(step, reader.readFingerprint());
            }
            log.info(String.format("%-26s %-24s read %7d, loaded %7d, rejected %4d, blank %4d, findings %4d %s  %s",
                    step.getStepName(), fileName, step.getReadCount(), step.getWriteCount(), step.getSkipCount(), blank,
                    found, seconds, step.getStatus()));
        }
        else {
            log.info(String.format("%-26s %-24s read %7d, written %6d, skipped %4d, findings %4d %s  %s",
                    step.getStepName(), "", step.getReadCount(), step.getWriteCount(), step.getSkipCount(), found,
                    seconds, step.getStatus()));
        }
        return step.getExitStatus();
    }

    /**
     * The run's record of the file becomes the SHA-256 and size of the bytes the step read. When they are not
     * those recorded when the run started, the file changed during the run: a warning says so, and the
     * manifest, {@code input-files.csv} and the report name the state the figures come from.
     */
    private void fingerprintOfWhatWasRead(StepExecution step, CsvRowReader.Fingerprint read) {
        java.util.Map<String, Object> before = jdbc.queryForMap(
                "SELECT sha256, size_bytes FROM run_input_file WHERE run_id = ? AND file_name = ?",
                step.getJobExecutionId(), fileName);
        // queryForMap's keys ignore case: the same on HSQLDB (upper case) and PostgreSQL (lower case)
        Object sha = before.get("sha256");
        Object size = before.get("size_bytes");
        if (read.sha256().equals(sha) && size instanceof Number n && n.longValue() == read.size()) {
            return;
        }
        jdbc.update("UPDATE run_input_file SET sha256 = ?, size_bytes = ? WHERE run_id = ? AND file_name = ?",
                read.sha256(), read.size(), step.getJobExecutionId(), fileName);
        if (recorder != null) {
            recorder.add(Finding.of(Severity.WARNING, "input.changed-during-run", fileName, null, null,
                    read.sha256(), "実行の開始後にファイルが変わった（開始時 " + size + " バイト、SHA-256 " + sha
                            + "。読み込んだのは " + read.size() + " バイト、SHA-256 " + read.sha256()
                            + "）。この実行の結果は読み込んだ内容によるもので、記録の SHA-256 もそれを示す。"
                            + "ファイルを書き終えてから実行し直すこと"));
        }
    }

}
