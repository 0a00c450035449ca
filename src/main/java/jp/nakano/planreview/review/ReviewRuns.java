package jp.nakano.planreview.review;

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

    /** The published run folder, or a note that none was published. */
    public static String runFolder(JobExecution execution) {
        String folder = execution.getExecutionContext().getString(ReviewRun.RUN_FOLDER, null);
        return folder == null ? "(nothing published)" : folder;
    }

}
