package jp.nakano.planreview.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import jp.nakano.planreview.collection.CollectedWorkbooks;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.input.InputFileException;
import jp.nakano.planreview.audit.PublishedRuns;
import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.audit.UnchangedRun;
import jp.nakano.planreview.operations.RunLock;
import jp.nakano.planreview.review.AnnualReviewJobConfiguration;
import jp.nakano.planreview.review.InterruptedRuns;
import jp.nakano.planreview.review.InvalidRunRequestException;
import jp.nakano.planreview.review.ReviewRun;
import jp.nakano.planreview.review.ReviewRuns;

/**
 * The command a person or a scheduler runs:
 * {@code java -jar plan-review.jar [run] --input=<dir> --output=<dir> [--fiscal-year=<yyyy>] [--plan=<id>]}.
 * It checks the arguments, runs {@code annualReviewJob} once, logs the outcome in one line and turns it
 * into an exit code ({@link ExitCodes}). {@code history} and {@code verify} are handed to their own classes.
 */
@Component
@ConditionalOnProperty(name = "plan-review.command.enabled", havingValue = "true", matchIfMissing = true)
public class ReviewCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(ReviewCommand.class);

    static final String USAGE = """
            usage: java -jar target/plan-review.jar [run] [--input=<dir>] [--output=<dir>] [--fiscal-year=<yyyy>] [--plan=<id>] [--force]
                   java -jar target/plan-review.jar history [--fiscal-year=<yyyy>]
                   java -jar target/plan-review.jar verify <run-folder> [--input=<dir>]
                   java -jar target/plan-review.jar serve [--output=<dir>] [--server.port=<port>] [--plan-review.portal.demo=true]
                   java -jar target/plan-review.jar hash-password < password.txt
                   java -jar target/plan-review.jar template --fiscal-year=<yyyy> [--department=<name>] [--output=<dir>] [--input=<dir>] [--due=<yyyy-mm-dd>]
              run            review a fiscal year (the default when no command is given)
              history        list the past runs, newest first: year, start, duration, status, findings, outputs
              verify         check a run folder's files against its manifest.json: exit 0 all match, 4 not
              serve          the report portal (web pages, log-in) on the output folder; reads no database
              hash-password  read a password from the console or stdin, print its hash for a portal user
              template       write the collection workbooks (調査票) of a year, one per department, into
                             --output (default: templates); --due is the deadline they state (default: May 31 after the year)
              --input        folder with the input CSV files (default: input); for verify, also check the
                             run's input files against this folder
              --output       folder for the results (default: out); a run writes <output>/FY<yyyy>/<run-id>/
              --fiscal-year  fiscal year to review or list: 2022, FY2022, R4 or 令和4年度 (default: the latest with figures)
              --plan         review one plan only, by its plan_id (default: every plan)
              --force        run even when the inputs are byte for byte those of the latest published run
                             for the same request (by default such a run says so and does nothing, exit 0)""";

    private final JobOperator jobOperator;

    private final Job annualReviewJob;

    private final FindingRepository findings;

    private final HistoryCommand history;

    private final InterruptedRuns interruptedRuns;

    private final ObjectProvider<RunLock> runLock;

    private final ObjectProvider<BuildProperties> build;

    private int exitCode = ExitCodes.OK;

    ReviewCommand(JobOperator jobOperator, Job annualReviewJob, FindingRepository findings, HistoryCommand history,
            InterruptedRuns interruptedRuns, ObjectProvider<RunLock> runLock, ObjectProvider<BuildProperties> build) {
        this.jobOperator = jobOperator;
        this.annualReviewJob = annualReviewJob;
        this.findings = findings;
        this.history = history;
        this.interruptedRuns = interruptedRuns;
        this.runLock = runLock;
        this.build = build;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    int execute(ApplicationArguments args) {
        if (args.containsOption("help")) {
            System.out.println(USAGE);
            return ExitCodes.OK;
        }
        Optional<Subcommand> command = Subcommand.of(args);
        if (command.isEmpty()) {
            log.error("unknown command '{}'; the commands are run (the default), history, verify, serve, hash-password and template",
                    args.getNonOptionArgs().get(0));
            System.err.println(USAGE);
            return ExitCodes.INVALID_INPUT;
        }
        return switch (command.get()) {
            case RUN -> review(args);
            case HISTORY -> history.execute(args, System.out);
            // PlanReviewApplication runs verify before Spring starts; this serves callers that start Spring anyway
            case VERIFY -> VerifyCommand.execute(args, System.out, System.err);
            case TEMPLATE -> TemplateCommand.execute(args, System.out, System.err);
            // serve and hash-password start no batch: PlanReviewApplication runs them without this context
            case SERVE, HASH_PASSWORD -> {
                log.error("{} is started by java -jar plan-review.jar, not inside a review", args.getNonOptionArgs().get(0));
                yield ExitCodes.INVALID_INPUT;
            }
        };
    }

    private int review(ApplicationArguments args) {
        List<String> problems = new ArrayList<>(Subcommand.RUN.unknownOptions(args));
        List<String> operands = Subcommand.RUN.operands(args);
        if (!operands.isEmpty()) {
            problems.add("unexpected argument(s) " + operands);
        }
        Path input = Path.of(single(args, "input", "input"));
        Path output = Path.of(single(args, "output", "out"));
        String year = single(args, "fiscal-year", null);
        String plan = single(args, "plan", null);
        if (!Files.isDirectory(input)) {
            problems.add("input folder '" + input + "' does not exist (" + input.toAbsolutePath() + ")");
        }
        FiscalYear fiscalYear = null;
        if (year != null) {
            try {
                fiscalYear = FiscalYear.parse(year);
            }
            catch (IllegalArgumentException ex) {
                problems.add("--fiscal-year: " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> log.error("{}", p));
            System.err.println(USAGE);
            return ExitCodes.INVALID_INPUT;
        }
        String unwritable = unwritable(output);
        if (unwritable != null) {
            log.error("output folder '{}' cannot be written ({}): nothing was run", output.toAbsolutePath().normalize(),
                    unwritable);
            return ExitCodes.FAILURE;
        }
        // holding the data folder's lock, no other process can be running a run still marked as running:
        // its process was killed or crashed, so it is closed before anything else
        if (runLock.getIfAvailable() != null) {
            interruptedRuns.close();
        }
        // age-guarded, so safe beside another installation's run on the same output folder
        removeStrays(output);
        JobParameters parameters = ReviewRun.parameters(input, output, fiscalYear, plan);
        if (!args.containsOption("force")) {
            Optional<UnchangedRun> same = unchangedRun(input, output, parameters);
            if (same.isPresent()) {
                RunManifest run = same.get().manifest();
                Path folder = same.get().folder().toAbsolutePath().normalize();
                FiscalYear reviewed = FiscalYear.of(run.fiscalYear());
                long errors = run.findings() == null ? 0 : run.findings().error();
                if (errors > 0) {
                    // the same input still has the same errors: the scheduler must keep seeing them
                    log.warn("Inputs unchanged since run {} ({}, {}), which left out rows for {} input error(s): "
                            + "nothing to do until the files named in {} are fixed. --force runs anyway",
                            run.runId(), reviewed, run.exitStatus(), errors,
                            folder.resolve("validation-findings.csv"));
                    return ExitCodes.INVALID_INPUT;
                }
                log.info("Inputs unchanged since run {} ({}, {}): nothing to do; results in {}. --force runs anyway",
                        run.runId(), reviewed, run.exitStatus(), folder);
                return ExitCodes.OK;
            }
        }
        return launch(parameters);
    }

    /**
     * Removes the temporary files a process that ended left in the year folders ({@code .latest-*},
     * {@code .removing-*}); older than a minute, so that nothing a live run of another installation writes goes.
     */
    private static void removeStrays(Path output) {
        try (java.nio.file.DirectoryStream<Path> years = Files.newDirectoryStream(output,
                p -> p.getFileName().toString().matches("FY\\d{4}")
                        && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            for (Path year : years) {
                for (Path stray : new PublishedRuns(year).removeStrays(Duration.ofMinutes(1))) {
                    log.info("Removed {}, left by a run that ended while writing it", stray);
                }
            }
        }
        catch (IOException ex) {
            log.warn("Could not remove the temporary files left in {}: {}", output, ex.getMessage());
        }
    }

    /** Why a run could not write its results into {@code output}, or null when it can. */
    private static String unwritable(Path output) {
        try {
            Files.createDirectories(output);
            Files.delete(Files.createTempFile(output, ".write-test-", ".tmp"));
            return null;
        }
        catch (IOException | SecurityException ex) {
            return ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
    }

    /** The published run this request would repeat (same input bytes, request and software), if any. */
    private Optional<UnchangedRun> unchangedRun(Path input, Path output, JobParameters parameters) {
        try {
            // a returned workbook or a receipt log is an input too: one more, one less or one changed is a new run
            List<String> inputs = new ArrayList<>(AnnualReviewJobConfiguration.inputFileNames(input));
            inputs.addAll(CollectedWorkbooks.fileNames(input));
            return UnchangedRun.find(output, input, inputs,
                    parameters.getString(ReviewRun.FISCAL_YEAR), parameters.getString(ReviewRun.PLAN),
                    AnnualReviewJobConfiguration.softwareVersion(build));
        }
        catch (IOException ex) {
            log.warn("Could not compare the inputs with the last run ({}); running", ex.getMessage());
            return Optional.empty();
        }
    }

    private static String single(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.get(values.size() - 1).isBlank() ? fallback
                : values.get(values.size() - 1);
    }

    private int launch(JobParameters parameters) {
        JobExecution execution;
        try {
            execution = jobOperator.start(annualReviewJob, parameters);
        }
        catch (Exception ex) {
            log.error("annualReviewJob could not start: {}", ex.getMessage());
            return ExitCodes.FAILURE;
        }
        return report(execution);
    }

    private int report(JobExecution execution) {
        Map<Severity, Long> counts = findings.countBySeverity(execution.getId());
        String findingCounts = counts.get(Severity.ERROR) + " error(s), " + counts.get(Severity.WARNING)
                + " warning(s), " + counts.get(Severity.INFO) + " note(s)";
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        String duration = String.format("%.1f s", took.toMillis() / 1000.0);
        String folder = ReviewRuns.runFolder(execution);
        String year = ReviewRuns.fiscalYear(execution).map(FiscalYear::toString).orElse("(year not resolved)");
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            boolean errors = counts.get(Severity.ERROR) > 0;
            String line = String.format("annualReviewJob %s %s in %s: %s; results in %s", year,
                    execution.getExitStatus().getExitCode(), duration, findingCounts, folder);
            if (errors) {
                log.warn("{} (input errors: see validation-findings.csv there)", line);
                return ExitCodes.INVALID_INPUT;
            }
            log.info("{}", line);
            return ExitCodes.OK;
        }
        Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        boolean invalidInput = isInvalidInput(cause);
        log.error("annualReviewJob {} {} after {}: {}; {}", year, execution.getStatus(), duration,
                cause == null ? "no failure recorded" : describe(cause), findingCounts);
        String runLog = ReviewRuns.failedLog(execution);
        if (!invalidInput || runLog != null) {
            log.error("details, with the stack trace, in {}", runLog != null ? runLog
                    : "the log file of the data folder (logs/plan-review.log)");
        }
        return invalidInput ? ExitCodes.INVALID_INPUT : ExitCodes.FAILURE;
    }

    private static boolean isInvalidInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputFileException || c instanceof InvalidRunRequestException
                    || c instanceof SkipLimitExceededException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputFileException || c instanceof InvalidRunRequestException) {
                return c.getMessage();
            }
            if (c instanceof SkipLimitExceededException) {
                return "too many rejected rows in one file (" + c.getMessage()
                        + "); fix the file using validation-findings in the database or lower the errors, "
                        + "or raise plan-review.max-rejected-rows-per-file";
            }
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

}
