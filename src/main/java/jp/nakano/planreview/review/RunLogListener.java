package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import jp.nakano.planreview.audit.ManifestException;
import jp.nakano.planreview.audit.ManifestFile;

/**
 * Opens the run's log in its working folder when the run starts and closes it when the run ends; a run that
 * does not complete is cleared down to that log ({@link RunFolder#abandon}), so nothing half done is left
 * where results are looked for.
 */
class RunLogListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunLogListener.class);

    private final RunLog runLog;

    RunLogListener(RunLog runLog) {
        this.runLog = runLog;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Path output = output(execution);
        String runName = ReviewRun.runName(execution);
        try {
            Path working = RunFolder.claim(output, runName);
            execution.getExecutionContext().putString(ReviewRun.WORKING_FOLDER, working.toString());
            runLog.start(working.resolve(RunFolder.LOG_FILE));
        }
        catch (FileAlreadyExistsException ex) {
            // prepareRunStep fails the run on it; the folder is another run's and is left alone
            log.error("The working folder {} exists already: another run with the id {} writes into {}",
                    ex.getFile(), runName, output);
        }
        catch (IOException ex) {
            // the run itself will fail on the same folder, with a message; here only the log is missing
            log.warn("Cannot start the run log under {}: {}", output, ex.getMessage());
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            runLog.failure("Run " + ReviewRun.runName(execution) + " " + execution.getStatus(), failure);
        }
        runLog.stop();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        if (execution.getExecutionContext().containsKey(ReviewRun.RUN_FOLDER)) {
            // what failed came after the folder was published: it is complete, with its manifest, and is the
            // run's result (history, latest and the portal must not tell three stories)
            String folder = execution.getExecutionContext().getString(ReviewRun.RUN_FOLDER);
            Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            log.warn("Run {} failed after it published {} ({}); it stays published and is recorded as completed",
                    ReviewRun.runName(execution), folder, cause == null ? execution.getStatus() : cause.toString());
            execution.setStatus(BatchStatus.COMPLETED);
            execution.setExitStatus(new ExitStatus(publishedExitStatus(Path.of(folder)),
                    "published; then " + (cause == null ? execution.getStatus() : cause.getClass().getSimpleName())));
            return;
        }
        String runName = ReviewRun.runName(execution);
        if (!execution.getExecutionContext().containsKey(ReviewRun.WORKING_FOLDER)) {
            return; // the working folder of that name, if any, is not this run's
        }
        try {
            // the outputs go first: on a full disk that makes room for the whole log, failure included
            RunFolder.abandon(output(execution), runName).filter(runLog::rewrite)
                .ifPresent(kept -> execution.getExecutionContext()
                    .putString(ReviewRun.FAILED_LOG, kept.toAbsolutePath().normalize().toString()));
        }
        catch (IOException ex) {
            log.warn("Cannot clear the working folder of run {}: {}", runName, ex.getMessage());
        }
    }

    /** The status the published manifest records ({@code COMPLETED_WITH_ERRORS} when rows were left out). */
    private static String publishedExitStatus(Path folder) {
        try {
            String status = ManifestFile.read(folder).exitStatus();
            return status == null ? ExitStatus.COMPLETED.getExitCode() : status;
        }
        catch (ManifestException ex) {
            return ExitStatus.COMPLETED.getExitCode();
        }
    }

    private static Path output(JobExecution execution) {
        return Path.of(execution.getJobParameters().getString(ReviewRun.OUTPUT));
    }

}
