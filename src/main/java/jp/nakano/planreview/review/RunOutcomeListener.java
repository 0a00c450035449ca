package jp.nakano.planreview.review;

import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.findings.Severity;

/**
 * Marks a completed run whose input had errors as {@code COMPLETED_WITH_ERRORS}: its results are written,
 * but rows were left out and somebody has to fix the input.
 */
class RunOutcomeListener implements JobExecutionListener {

    /** Exit status of a run that completed but left rows out because of input errors. */
    static final String COMPLETED_WITH_ERRORS = "COMPLETED_WITH_ERRORS";

    private final FindingRepository findings;

    RunOutcomeListener(FindingRepository findings) {
        this.findings = findings;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        Map<Severity, Long> counts = findings.countBySeverity(execution.getId());
        if (exitCode(counts).equals(COMPLETED_WITH_ERRORS)) {
            execution.setExitStatus(new ExitStatus(COMPLETED_WITH_ERRORS,
                    counts.get(Severity.ERROR) + " input error(s): see validation-findings.csv"));
        }
    }

    /** The exit code a run that gets to the end takes from its findings; the manifest records the same. */
    static String exitCode(Map<Severity, Long> counts) {
        return counts.get(Severity.ERROR) > 0 ? COMPLETED_WITH_ERRORS : ExitStatus.COMPLETED.getExitCode();
    }

}
