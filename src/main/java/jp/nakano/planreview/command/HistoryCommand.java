package jp.nakano.planreview.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import jp.nakano.planreview.audit.ManifestException;
import jp.nakano.planreview.audit.ManifestFile;
import jp.nakano.planreview.audit.PublishedRuns;
import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.review.AnnualReviewJobConfiguration;
import jp.nakano.planreview.review.ReviewRun;
import jp.nakano.planreview.review.ReviewRuns;

/**
 * {@code history [--fiscal-year=<yyyy>]}: every run of {@code annualReviewJob} the database knows, newest first,
 * as an aligned table: run id, year, start, duration, status, findings, and where the outputs are. Times and
 * status come from the batch metadata; the findings from the run's {@code manifest.json} while its folder is
 * there, else from the database.
 */
@Component
class HistoryCommand {

    private static final Logger log = LoggerFactory.getLogger(HistoryCommand.class);

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String[] HEADER = { "run id", "year", "started", "duration", "status", "errors",
            "warnings", "notes", "outputs" };

    private final JobRepository jobRepository;

    private final FindingRepository findings;

    HistoryCommand(JobRepository jobRepository, FindingRepository findings) {
        this.jobRepository = jobRepository;
        this.findings = findings;
    }

    int execute(ApplicationArguments args, PrintStream out) {
        List<String> problems = new ArrayList<>(Subcommand.HISTORY.unknownOptions(args));
        List<String> operands = Subcommand.HISTORY.operands(args);
        if (!operands.isEmpty()) {
            problems.add("history takes no argument(s) " + operands + "; to list one year use --fiscal-year");
        }
        FiscalYear year = null;
        List<String> years = args.getOptionValues("fiscal-year");
        if (years != null && !years.isEmpty() && !years.get(years.size() - 1).isBlank()) {
            try {
                year = FiscalYear.parse(years.get(years.size() - 1));
            }
            catch (IllegalArgumentException ex) {
                problems.add("--fiscal-year: " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> log.error("{}", p));
            System.err.println(ReviewCommand.USAGE);
            return ExitCodes.INVALID_INPUT;
        }
        List<Entry> entries = entries(year);
        if (entries.isEmpty()) {
            out.println(year == null ? "No runs recorded yet." : "No runs recorded for " + year + ".");
        }
        else {
            out.print(table(entries));
        }
        return ExitCodes.OK;
    }

    /** One run as the table shows it. */
    record Entry(String runId, Optional<FiscalYear> year, LocalDateTime started,
            Duration duration, String status, Map<Severity, Long> findings, String outputs) {
    }

    /** Every run, or every run of one year, newest first. */
    List<Entry> entries(FiscalYear only) {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : jobRepository.findJobInstances(AnnualReviewJobConfiguration.JOB_NAME)) {
            executions.addAll(jobRepository.getJobExecutions(instance));
        }
        executions.sort(Comparator.comparing(JobExecution::getCreateTime).thenComparingLong(JobExecution::getId)
            .reversed());
        Map<Path, Optional<String>> latest = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (JobExecution execution : executions) {
            Optional<FiscalYear> year = ReviewRuns.yearAskedOrReviewed(execution);
            if (only != null && !year.equals(Optional.of(only))) {
                continue;
            }
            entries.add(entry(execution, year, latest));
        }
        return entries;
    }

    private Entry entry(JobExecution execution, Optional<FiscalYear> year, Map<Path, Optional<String>> latest) {
        String runId = ReviewRun.runName(execution);
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? null
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        String status = execution.getStatus().isRunning() ? execution.getStatus().name()
                : execution.getExitStatus().getExitCode();
        Map<Severity, Long> counts = null;
        String outputs = "-";
        Optional<Path> folder = ReviewRuns.publishedFolder(execution);
        if (folder.isPresent() && !Files.isDirectory(folder.get())) {
            outputs = "(removed) " + display(folder.get());
        }
        else if (folder.isPresent()) {
            outputs = display(folder.get());
            counts = manifestCounts(folder.get());
            if (isLatest(folder.get(), runId, latest)) {
                outputs += "  [latest]";
            }
        }
        if (counts == null) {
            counts = findings.countBySeverity(execution.getId());
        }
        return new Entry(runId, year, execution.getStartTime(), took, status, counts, outputs);
    }

    /** The findings the manifest records, or {@code null} for a folder without a readable one. */
    private static Map<Severity, Long> manifestCounts(Path folder) {
        try {
            RunManifest.FindingCounts counts = ManifestFile.read(folder).findings();
            return counts == null ? null
                    : Map.of(Severity.ERROR, counts.error(), Severity.WARNING, counts.warning(), Severity.INFO,
                            counts.info());
        }
        catch (ManifestException ex) {
            log.debug("history: {}", ex.getMessage());
            return null;
        }
    }

    private static boolean isLatest(Path folder, String runId, Map<Path, Optional<String>> latest) {
        return latest.computeIfAbsent(folder.getParent(), yearDir -> {
            try {
                return new PublishedRuns(yearDir).latest();
            }
            catch (IOException ex) {
                return Optional.empty();
            }
        }).filter(runId::equals).isPresent();
    }

    /** A folder under the working directory relative to it, as a person typed it; others as recorded. */
    private static String display(Path folder) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : folder.toString();
    }

    /** The entries as a plain text table, columns padded to their widest cell, one line per run. */
    static String table(List<Entry> entries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Entry e : entries) {
            rows.add(new String[] { e.runId(), e.year().map(FiscalYear::toString).orElse("-"),
                    e.started() == null ? "-" : STARTED.format(e.started()),
                    e.duration() == null ? "-" : String.format("%.1f s", e.duration().toMillis() / 1000.0),
                    e.status(), String.valueOf(e.findings().get(Severity.ERROR)),
                    String.valueOf(e.findings().get(Severity.WARNING)),
                    String.valueOf(e.findings().get(Severity.INFO)), e.outputs() });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // numbers and the duration right-aligned, text left-aligned; the last column is not padded
                boolean right = i == 3 || i == 5 || i == 6 || i == 7;
                String cell = i == row.length - 1 ? row[i]
                        : String.format("%" + (right ? "" : "-") + widths[i] + "s", row[i]);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

}
