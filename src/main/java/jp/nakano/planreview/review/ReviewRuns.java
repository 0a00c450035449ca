package jp.nakano.planreview.review;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

import jp.nakano.planreview.common.FiscalYear;

/** What a finished run recorded in its execution context: its review year and its published folder. */
public final class ReviewRuns {

    private ReviewRuns() {
    }

    public static Optional<FiscalYear> fiscalYear(JobExecution execution) {
        Object year = execution.getExecutionContext().get(ReviewRun.RESOLVED_YEAR);
        return year == null ? Optional.empty() : Optional.of(FiscalYear.of(((Number) year).intValue()));
    }

    /** The log a run that did not complete left in {@code <output>/.failed-<run-id>/}, or null. */
    public static String failedLog(JobExecution execution) {
        return execution.getExecutionContext().getString(ReviewRun.FAILED_LOG, null);
    }

    /** The published run folder, or a note that none was published. */
    public static String runFolder(JobExecution execution) {
        return publishedFolder(execution).map(Path::toString).orElse("(nothing published)");
    }

    /** The folder the run published, if it got that far; it may have been removed since. */
    public static Optional<Path> publishedFolder(JobExecution execution) {
        String folder = execution.getExecutionContext().getString(ReviewRun.RUN_FOLDER, null);
        return Optional.ofNullable(folder).map(Path::of);
    }

    /** The review year, or the year asked for when the run stopped before it resolved one. */
    public static Optional<FiscalYear> yearAskedOrReviewed(JobExecution execution) {
        return fiscalYear(execution).or(() -> Optional.ofNullable(new ReviewRun(execution).requestedYear()));
    }

}
