package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.audit.ManifestFile;
import jp.nakano.planreview.audit.PublishedRuns;
import jp.nakano.planreview.audit.ReportFingerprint;
import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.findings.Severity;

/**
 * The run's last step: writes {@code manifest.json} once every output exists, moves the complete working folder
 * into place as {@code <output>/FY<yyyy>/<run-id>/}, makes the year's {@code latest} name it and removes the
 * year's oldest runs beyond the retention setting.
 */
class PublishRunTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishRunTasklet.class);

    private final ReviewRun run;

    private final RunLog runLog;

    private final JdbcTemplate jdbc;

    private final FindingRepository findings;

    private final String softwareVersion;

    /** Runs to keep per year; 0 keeps every run. */
    private final int keepRunsPerYear;

    PublishRunTasklet(ReviewRun run, RunLog runLog, JdbcTemplate jdbc, FindingRepository findings, String softwareVersion,
            int keepRunsPerYear) {
        this.run = run;
        this.runLog = runLog;
        this.jdbc = jdbc;
        this.findings = findings;
        this.softwareVersion = softwareVersion;
        this.keepRunsPerYear = keepRunsPerYear;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        RunFolder folder = run.folder();
        // the log ends here, so that the manifest records it whole and verify finds it unchanged
        log.info("Publishing run {}", run.runName());
        runLog.stop();
        StepExecution self = chunkContext.getStepContext().getStepExecution();
        RunManifest unlisted = manifest(job, steps(job, self));
        // the manifest lists the files actually in the folder: each report among them must be this run's own
        List<String> foreign = ReportFingerprint.mismatches(folder.working(), ManifestFile.files(folder.working()),
                ReportFingerprint.of(unlisted), true);
        if (!foreign.isEmpty()) {
            throw new IOException("run " + run.runName() + " not published: its working folder " + folder.working()
                    + " holds reports that are not this run's: " + String.join("; ", foreign));
        }
        RunManifest manifest = ManifestFile.write(folder.working(), unlisted);
        contribution.incrementWriteCount(manifest.outputFiles().size() + 1);
        Path published = folder.publish();
        // from here the run is published: a complete folder with its manifest is a completed run, whatever
        // fails after this (RunLogListener and InterruptedRuns record it so)
        job.getExecutionContext().putString(ReviewRun.RUN_FOLDER, published.toString());
        PublishedRuns year = new PublishedRuns(published.getParent());
        markLatest(year);
        if (keepRunsPerYear > 0) {
            removeOldRuns(year);
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * {@code latest} is a pointer every reader (history, the portal, the nightly check) reads alike: when it
     * cannot be written (a full disk), the run stays published and the next run writes it.
     */
    private void markLatest(PublishedRuns year) {
        try {
            year.markLatest(run.runName());
        }
        catch (IOException ex) {
            log.warn("Run {} is published but {} was not updated ({}); the next run updates it", run.runName(),
                    year.latestFile(), ex.toString());
        }
    }

    /** The run's results are published whatever happens here: a folder that cannot go is left for a person. */
    private void removeOldRuns(PublishedRuns year) {
        try {
            for (Path removed : year.removeOldest(keepRunsPerYear)) {
                log.info("Removed run folder {} (plan-review.retention.keep-runs-per-year={})", removed,
                        keepRunsPerYear);
            }
        }
        catch (IOException ex) {
            log.warn("Old run folders of {} not removed: {}", run.fiscalYear(), ex.toString());
        }
    }

    /** Everything but the output files, which {@link ManifestFile} lists when it writes the manifest. */
    private RunManifest manifest(JobExecution job, List<RunManifest.Step> steps) {
        Map<Severity, Long> counts = findings.countBySeverity(run.runId());
        return new RunManifest(RunManifest.VERSION, job.getJobInstance().getJobName(), run.runName(), run.runId(),
                run.fiscalYear().year(), plans(), parameters(job), zoned(job.getStartTime()),
                OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS), RunOutcomeListener.exitCode(counts),
                softwareVersion, new RunManifest.FindingCounts(counts.get(Severity.ERROR),
                        counts.get(Severity.WARNING), counts.get(Severity.INFO)),
                steps, inputFiles(), List.of(), workbooks());
    }

    /**
     * Every step that ran before this one, in the order they ran: all of them have ended by now, so their counts
     * are final. This step itself is left out, its counts are not known until it ends.
     */
    static List<RunManifest.Step> steps(JobExecution job, StepExecution self) {
        return job.getStepExecutions().stream()
            .filter(step -> step.getId() != self.getId() && step.getEndTime() != null)
            .sorted(Comparator.comparing(StepExecution::getStartTime).thenComparingLong(StepExecution::getId))
            .map(step -> new RunManifest.Step(step.getStepName(), step.getStatus().name(), step.getReadCount(),
                    step.getWriteCount(), step.getSkipCount(), step.getCommitCount(), zoned(step.getStartTime()),
                    zoned(step.getEndTime())))
            .toList();
    }

    /** The plans the run reviewed, id to name, in the order of plans.csv: readers name the reports by them. */
    private Map<String, String> plans() {
        Map<String, String> plans = new java.util.LinkedHashMap<>();
        String only = run.plan();
        jdbc.query("SELECT plan_id, name FROM in_plan WHERE run_id = ? AND NOT excluded ORDER BY source_line",
                (java.sql.ResultSet rs) -> {
                    if (only == null || only.equals(rs.getString(1))) {
                        plans.put(rs.getString(1), rs.getString(2));
                    }
                }, run.runId());
        return plans;
    }

    private static Map<String, String> parameters(JobExecution job) {
        Map<String, String> parameters = new TreeMap<>();
        for (JobParameter<?> parameter : job.getJobParameters()) {
            parameters.put(parameter.name(), String.valueOf(parameter.value()));
        }
        return parameters;
    }

    /** Batch keeps local times; the manifest says which zone they are in. */
    private static OffsetDateTime zoned(LocalDateTime time) {
        return time == null ? null
                : time.atZone(ZoneId.systemDefault()).toOffsetDateTime().truncatedTo(ChronoUnit.MILLIS);
    }

    private List<RunManifest.Workbook> workbooks() {
        return jdbc.query("""
                SELECT file_name, department, fiscal_year, filled_by, checked_by, submitted, rows_reported, loaded
                FROM run_workbook WHERE run_id = ?""", // RunManifest sorts them
                (rs, i) -> new RunManifest.Workbook(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getBoolean(8)),
                run.runId());
    }

    private List<RunManifest.InputFile> inputFiles() {
        return jdbc.query("""
                SELECT file_name, encoding, size_bytes, rows_read, rows_loaded, rows_rejected, rows_left_out, rows_blank,
                       sha256
                FROM run_input_file WHERE run_id = ?""", // RunManifest sorts them, whatever the database's collation
                (rs, i) -> new RunManifest.InputFile(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class),
                        rs.getObject(6, Long.class), rs.getObject(7, Long.class), rs.getObject(8, Long.class),
                        rs.getString(9)),
                run.runId());
    }

}
