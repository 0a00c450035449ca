package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Closes the runs that a killed or crashed process left "running" in the batch metadata: each is marked
 * ABANDONED with the step it was in, and its unpublished working folder is removed. Only the holder of the
 * data folder's lock may call this: then no other process can be running them.
 */
@Component
public class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final JobRepository jobRepository;

    public InterruptedRuns(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** Closes every run of {@code annualReviewJob} still marked running; returns their run names. */
    public List<String> close() {
        List<String> closed = new ArrayList<>();
        for (JobExecution found : jobRepository.findRunningJobExecutions(AnnualReviewJobConfiguration.JOB_NAME)) {
            JobExecution execution = jobRepository.getJobExecution(found.getId());
            LocalDateTime now = LocalDateTime.now();
            String runName = ReviewRun.runName(execution);
            List<String> steps = new ArrayList<>();
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    steps.add(step.getStepName());
                    step.setStatus(BatchStatus.ABANDONED);
                    step.setExitStatus(new ExitStatus("ABANDONED", "the process ended while this step ran"));
                    step.setEndTime(now);
                    jobRepository.update(step);
                }
            }
            String where = steps.isEmpty() ? "between steps" : "in " + String.join(", ", steps);
            execution.setStatus(BatchStatus.ABANDONED);
            execution.setExitStatus(new ExitStatus("ABANDONED",
                    "the process ended " + where + " (killed or crashed); closed by a later run"));
            execution.setEndTime(now);
            jobRepository.update(execution);
            String output = execution.getJobParameters().getString(ReviewRun.OUTPUT);
            String kept = "";
            if (output != null) {
                try {
                    Optional<Path> log = RunFolder.abandon(Path.of(output), runName);
                    if (log.isPresent()) {
                        Files.writeString(log.get(), now + " the process ended " + where
                                + " (killed or crashed); closed as ABANDONED by a later run\n", StandardOpenOption.APPEND);
                        kept = "; its unpublished outputs removed, its log kept in " + log.get();
                    }
                }
                catch (IOException ex) {
                    kept = "; its working folder could not be cleared: " + ex.getMessage();
                }
            }
            log.warn("Run {} had not finished: its process ended {}; marked ABANDONED{}", runName, where, kept);
            closed.add(runName);
        }
        return closed;
    }

}
