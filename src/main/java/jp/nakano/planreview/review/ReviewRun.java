package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

import java.time.LocalDateTime;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import jp.nakano.planreview.common.FiscalYear;

/**
 * The run a step belongs to: its job parameters, its run id and, once resolved, its review year. Used
 * as a step-scoped bean so that singleton readers and writers always see the current run.
 */
public class ReviewRun {

    /** Job parameter names. */
    public static final String INPUT = "input";

    public static final String OUTPUT = "output";

    public static final String FISCAL_YEAR = "fiscalYear";

    public static final String PLAN = "plan";

    public static final String REQUESTED_AT = "requestedAt";

    /**
     * A random part of the run id, made when the run is requested: the start second and the execution id are
     * not unique when two installations (two databases) write into one output folder.
     */
    public static final String RUN_TOKEN = "runToken";

    /** Job execution context keys written by the job. */
    static final String RESOLVED_YEAR = "review.fiscalYear";

    static final String RUN_FOLDER = "review.runFolder";

    static final String FAILED_LOG = "review.failedLog";

    /** Set once the run has created its working folder itself ({@link RunFolder#claim}). */
    static final String WORKING_FOLDER = "review.workingFolder";

    private static final java.security.SecureRandom TOKENS = new java.security.SecureRandom();

    private static final DateTimeFormatter RUN_NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JobExecution jobExecution;

    public ReviewRun(JobExecution jobExecution) {
        this.jobExecution = jobExecution;
    }

    /**
     * The parameters of a new run. Every request is a new job instance (the request time is identifying):
     * running the same year again with corrected figures is the normal case.
     */
    public static JobParameters parameters(Path input, Path output, FiscalYear year, String plan) {
        return new JobParametersBuilder()
            .addString(INPUT, input.toAbsolutePath().normalize().toString())
            .addString(OUTPUT, output.toAbsolutePath().normalize().toString())
            .addString(FISCAL_YEAR, year == null ? "" : Integer.toString(year.year()))
            .addString(PLAN, plan == null ? "" : plan)
            .addLocalDateTime(REQUESTED_AT, LocalDateTime.now())
            .addString(RUN_TOKEN, newToken())
            .toJobParameters();
    }

    /** Six random lower-case hex digits: 16 million values, so two runs of the same second and id never meet. */
    static String newToken() {
        return String.format("%06x", TOKENS.nextInt(1 << 24));
    }

    public long runId() {
        return jobExecution.getId();
    }

    /**
     * The run's folder name: start time, execution id and the run's random token, {@code 20261122-183512-7-3fa91c}
     * (runs requested before the token existed have none); sorts by time.
     */
    public String runName() {
        return runName(jobExecution);
    }

    public static String runName(JobExecution execution) {
        String token = execution.getJobParameters().getString(RUN_TOKEN);
        return RUN_NAME_TIME.format(execution.getCreateTime()) + "-" + execution.getId()
                + (token == null || token.isEmpty() ? "" : "-" + token);
    }

    private JobParameters parameters() {
        return jobExecution.getJobParameters();
    }

    public Path inputDir() {
        return Path.of(parameters().getString(INPUT));
    }

    public Path outputDir() {
        return Path.of(parameters().getString(OUTPUT));
    }

    /** The fiscal year asked for on the command line, or {@code null} for the latest with figures. */
    public FiscalYear requestedYear() {
        String year = parameters().getString(FISCAL_YEAR);
        return year == null || year.isBlank() ? null : FiscalYear.parse(year);
    }

    /** The plan asked for, or {@code null} for every plan. */
    public String plan() {
        String plan = parameters().getString(PLAN);
        return plan == null || plan.isBlank() ? null : plan;
    }

    /** The run's folder: written in {@code <output>/.work-<run-id>}, published in {@code <output>/FY<yyyy>/<run-id>}. */
    public RunFolder folder() throws IOException {
        return RunFolder.create(outputDir(), fiscalYear(), runName());
    }

    /**
     * Fails unless the run created its working folder itself: a folder of the same name that existed before
     * belongs to another run, whose files must not be mixed with this run's.
     */
    void requireOwnWorkingFolder() throws IOException {
        if (!jobExecution.getExecutionContext().containsKey(WORKING_FOLDER)) {
            throw new IOException("run " + runName() + " could not create its working folder "
                    + RunFolder.working(outputDir(), runName()) + " as a new folder (it exists already or the output "
                    + "folder cannot be written): another run with the same id writes into " + outputDir()
                    + "; nothing of this run was written there");
        }
    }

    /** The review year, once {@code resolveReviewYearStep} has fixed it. */
    public FiscalYear fiscalYear() {
        Object year = jobExecution.getExecutionContext().get(RESOLVED_YEAR);
        if (year == null) {
            throw new IllegalStateException("the review year is not resolved yet in run " + runId());
        }
        return FiscalYear.of(((Number) year).intValue());
    }

    void resolveFiscalYear(FiscalYear year) {
        jobExecution.getExecutionContext().put(RESOLVED_YEAR, year.year());
    }

}
