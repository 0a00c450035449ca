package jp.nakano.planreview.review;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

import jp.nakano.planreview.audit.ManifestException;
import jp.nakano.planreview.audit.ManifestFile;
import jp.nakano.planreview.audit.PublishedRuns;
import jp.nakano.planreview.audit.RunManifest;

/**
 * Closes the runs that a killed or crashed process left "running" in the batch metadata: a run whose folder
 * was published (with its manifest) is recorded as the completed run it is; any other is marked ABANDONED with
 * the step it was in, and its unpublished working folder is removed. Only the holder of the
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
            String runName = ReviewRun.runName(execution);
            Optional<Published> published = published(execution, runName);
            if (published.isPresent()) {
                recordCompleted(execution, runName, published.get());
                closed.add(runName);
                continue;
            }
            // the run ended when it was last seen working, not now that a later run closes it
            LocalDateTime lastSeen = lastSeenAlive(execution, runName);
            List<String> steps = new ArrayList<>();
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    steps.add(step.getStepName());
                    step.setStatus(BatchStatus.ABANDONED);
                    step.setExitStatus(new ExitStatus("ABANDONED", "the process ended while this step ran"));
                    step.setEndTime(lastSeen);
                    jobRepository.update(step);
                }
            }
            String where = steps.isEmpty() ? "between steps" : "in " + String.join(", ", steps);
            execution.setStatus(BatchStatus.ABANDONED);
            execution.setExitStatus(new ExitStatus("ABANDONED",
                    "the process ended " + where + " (killed or crashed); closed by a later run"));
            execution.setEndTime(lastSeen);
            jobRepository.update(execution);
            String output = execution.getJobParameters().getString(ReviewRun.OUTPUT);
            String kept = "";
            if (output != null) {
                try {
                    Optional<Path> log = RunFolder.abandon(Path.of(output), runName);
                    if (log.isPresent()) {
                        Files.writeString(log.get(), LocalDateTime.now() + " the process ended " + where
                                + " (killed or crashed; last seen working " + lastSeen
                                + "); closed as ABANDONED by a later run\n", StandardOpenOption.APPEND);
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

    /**
     * The last moment the run is known to have been working: the latest of its batch metadata's updates and of
     * its run log's last write (the log is written at every step and every report). Never before its start.
     */
    private static LocalDateTime lastSeenAlive(JobExecution execution, String runName) {
        LocalDateTime last = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
        last = later(last, execution.getLastUpdated());
        for (StepExecution step : execution.getStepExecutions()) {
            last = later(later(later(last, step.getStartTime()), step.getEndTime()), step.getLastUpdated());
        }
        String output = execution.getJobParameters().getString(ReviewRun.OUTPUT);
        if (output != null) {
            Path log = RunFolder.working(Path.of(output), runName).resolve(RunFolder.LOG_FILE);
            try {
                if (Files.isRegularFile(log)) {
                    last = later(last, LocalDateTime.ofInstant(Files.getLastModifiedTime(log).toInstant(),
                            ZoneId.systemDefault()));
                }
            }
            catch (IOException ex) {
                // the metadata's times are what is known then
            }
        }
        return last == null ? LocalDateTime.now() : last;
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    /** A run folder published under the run's name, with its manifest. */
    private record Published(Path folder, RunManifest manifest) {
    }

    /**
     * The folder the run published before its process ended, if it got that far: a year folder's entry with
     * the run's name (a real folder, not a link) whose manifest names the run. The move into place is the
     * moment a run is complete.
     */
    private static Optional<Published> published(JobExecution execution, String runName) {
        String output = execution.getJobParameters().getString(ReviewRun.OUTPUT);
        if (output == null || !Files.isDirectory(Path.of(output))) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> years = Files.newDirectoryStream(Path.of(output),
                p -> p.getFileName().toString().matches("FY\\d{4}") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
            for (Path year : years) {
                Path folder = year.resolve(runName);
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    RunManifest manifest = ManifestFile.read(folder);
                    if (runName.equals(manifest.runId())) {
                        return Optional.of(new Published(folder, manifest));
                    }
                }
            }
        }
        catch (IOException | ManifestException ex) {
            log.warn("Run {}: cannot tell whether it published its folder ({}); closing it as not published", runName,
                    ex.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Records a run whose process ended after its folder was published as the completed run it is: its status
     * the manifest's, its end the moment it wrote the manifest (the last time it was seen working), its folder
     * in the history; and makes {@code latest} name it unless a newer run is there.
     */
    private void recordCompleted(JobExecution execution, String runName, Published published) {
        LocalDateTime finished = published.manifest().finished() == null ? LocalDateTime.now()
                : published.manifest().finished().atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        String note = "the process ended after the run's folder was published; recorded as completed by a later run";
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.COMPLETED);
                step.setExitStatus(new ExitStatus(ExitStatus.COMPLETED.getExitCode(), note));
                step.setEndTime(finished);
                jobRepository.update(step);
            }
        }
        String exit = published.manifest().exitStatus() == null ? ExitStatus.COMPLETED.getExitCode()
                : published.manifest().exitStatus();
        execution.setStatus(BatchStatus.COMPLETED);
        execution.setExitStatus(new ExitStatus(exit, note));
        execution.setEndTime(finished);
        execution.getExecutionContext().putString(ReviewRun.RUN_FOLDER, published.folder().toString());
        jobRepository.update(execution);
        jobRepository.updateExecutionContext(execution);
        try {
            new PublishedRuns(published.folder().getParent()).markLatest(runName);
        }
        catch (IOException ex) {
            log.warn("Run {}: latest not updated ({})", runName, ex.toString());
        }
        log.warn("Run {} had published {} before its process ended; recorded as {}", runName, published.folder(), exit);
    }

}
