package jp.nakano.planreview.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

import jp.nakano.planreview.attainment.KpiEvaluationTasklet;
import jp.nakano.planreview.collection.CollectedWorkbooks;
import jp.nakano.planreview.collection.ReadWorkbooksTasklet;
import jp.nakano.planreview.collection.WorkbookRowProcessor;
import jp.nakano.planreview.collection.WorkbookRowReader;
import jp.nakano.planreview.attainment.Thresholds;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow;
import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.eprocedure.UtilisationRatesTasklet;
import jp.nakano.planreview.eprocedure.UtilisationChecksTasklet;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.findings.RejectedRowListener;
import jp.nakano.planreview.input.CsvRowReader;
import jp.nakano.planreview.input.ParsedRow;
import jp.nakano.planreview.input.ReadAheadReader;
import jp.nakano.planreview.input.RejectedRowLimit;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;
import jp.nakano.planreview.input.TableRowWriter;
import jp.nakano.planreview.plan.GoalRow;
import jp.nakano.planreview.measures.KpiExplanationRow;
import jp.nakano.planreview.measures.MeasureActivityRow;
import jp.nakano.planreview.measures.MeasureExportTasklet;
import jp.nakano.planreview.measures.MeasureRepository;
import jp.nakano.planreview.measures.MeasureReview;
import jp.nakano.planreview.measures.MeasureReviewTasklet;
import jp.nakano.planreview.measures.MeasureSections;
import jp.nakano.planreview.measures.MeasureItemRow;
import jp.nakano.planreview.measures.MeasureReportRow;
import jp.nakano.planreview.operations.RunLock;
import jp.nakano.planreview.report.ReviewPdf;
import jp.nakano.planreview.report.RenderReportsTasklet;
import jp.nakano.planreview.report.ReviewWorkbook;
import jp.nakano.planreview.plan.KpiActualRow;
import jp.nakano.planreview.plan.KpiRow;
import jp.nakano.planreview.plan.KpiTargetRow;
import jp.nakano.planreview.plan.MeasureRow;
import jp.nakano.planreview.plan.PhaseRow;
import jp.nakano.planreview.plan.PlanRow;
import jp.nakano.planreview.receipts.CountReceiptsTasklet;
import jp.nakano.planreview.receipts.ExportReceiptCountsTasklet;
import jp.nakano.planreview.receipts.HashReceiptLogsTasklet;
import jp.nakano.planreview.receipts.ReceiptLog;
import jp.nakano.planreview.receipts.ReceiptPartitioner;
import jp.nakano.planreview.receipts.ReceiptSettings;
import jp.nakano.planreview.receipts.ReceiptSummaryTasklet;

/**
 * The whole {@code annualReviewJob} for one fiscal year, in order:
 * <ol>
 * <li>{@code prepareRunStep}: the input folder has every file; sizes, encodings and SHA-256 recorded;</li>
 * <li>{@code readWorkbooksStep}: the returned collection workbooks ({@code *.xlsx}) read, recorded as inputs,
 * their filled rows handed to the load steps ({@code docs/collection.md});</li>
 * <li>one {@code load*Step} per input file: read (the CSV rows, then the workbooks' rows for the file),
 * validate and store in chunks; a bad row is skipped and kept as a finding, too many bad rows fail the run;</li>
 * <li>{@code countReceiptsStep}: the receipt logs, if any, counted in parallel partitions;
 * {@code summariseReceiptsStep}: their sums stored, rejected lines reported, reconciled with the figures;
 * {@code hashReceiptLogsStep}: their SHA-256 recorded with the other inputs;</li>
 * <li>{@code crossCheckStep}: duplicates, unknown ids, years outside the plan period;</li>
 * <li>{@code resolveReviewYearStep}: the year asked for, or the latest with figures;</li>
 * <li>{@code computeUtilisationStep}: 電子手続利用率 of every row of the review year, from the rows in memory;</li>
 * <li>{@code checkUtilisationStep}: each system's rows against it, the sum of the systems, the ward total;</li>
 * <li>{@code evaluateKpisStep}: every KPI's actual, trajectory, 進捗率, status and forecast, and the
 * summary per goal and plan ({@code docs/method.md});</li>
 * <li>{@code reviewMeasuresStep}: every 取組事項's planned stage against its department's report, the
 * roll-ups per 実施内容, 取組 and goal, and a finding for every miss without an explanation;</li>
 * <li>{@code exportMeasuresStep}: {@code measure-progress.csv} and {@code measure-summary.csv}, into the run's
 * working folder;</li>
 * <li>{@code exportReceiptCountsStep}: {@code receipt-counts.csv}, when the year has receipt logs;</li>
 * <li>{@code exportResultsStep}: the other CSV files, into the run's working folder;</li>
 * <li>{@code renderReportsStep}: the PDF report of each plan ({@code reports/kpi-review.jrxml});</li>
 * <li>{@code publishRunStep}: {@code manifest.json} written, the complete folder moved into place as
 * {@code <output>/FY<yyyy>/<run-id>/}, {@code latest} updated, the oldest runs beyond the retention removed.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class AnnualReviewJobConfiguration {

    public static final String JOB_NAME = "annualReviewJob";

    /** The input files in load order: a file is loaded after the files its ids refer to. */
    static final List<RowParser<? extends TableRow>> INPUTS = List.of(PlanRow.PARSER, PhaseRow.PARSER,
            GoalRow.PARSER, MeasureRow.PARSER, KpiRow.PARSER, KpiTargetRow.PARSER, KpiActualRow.PARSER,
            EProcedureFigureRow.PARSER, MeasureActivityRow.PARSER, MeasureItemRow.PARSER, MeasureReportRow.PARSER,
            KpiExplanationRow.PARSER);

    private final JobRepository jobRepository;

    private final PlatformTransactionManager transactionManager;

    private final JdbcTemplate jdbc;

    private final int chunkSize;

    private final int maxRejectedRows;

    private final DatabaseCheckpointListener checkpoint;

    private final Thresholds thresholds;

    private final BigDecimal majorProcedureThreshold;

    /** The e-procedure rows the review workbook lists at most ({@code plan-review.workbook.eprocedure-rows}). */
    private final int workbookEprocedureRows;

    private final ObjectProvider<RunLock> runLock;

    private final int keepRunsPerYear;

    /** The log of the run in progress; one run per process at a time (RunLock). */
    private final RunLog runLog = new RunLog();

    /** The rows of the returned workbooks of the run in progress, from readWorkbooksStep to the load steps. */
    private final CollectedWorkbooks workbooks = new CollectedWorkbooks();

    /** The e-procedure rows of the run in progress in columns, filled by their load step, for the checks and sums. */
    private final LoadedFigures figures;

    /** The report renderer: its templates and engine warm up while the run checks and computes, after the loads. */
    private final ReviewPdf reviewPdf = new ReviewPdf();

    AnnualReviewJobConfiguration(ObjectProvider<RunLock> runLock, JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc, DataSource dataSource, LoadedFigures figures, @Value("${plan-review.chunk-size:500}") int chunkSize,
            @Value("${plan-review.max-rejected-rows-per-file:100}") int maxRejectedRows,
            @Value("${plan-review.status.on-track:1.00}") BigDecimal onTrack,
            @Value("${plan-review.status.slightly-behind:0.80}") BigDecimal slightlyBehind,
            @Value("${plan-review.major-procedure-threshold:10000}") BigDecimal majorProcedureThreshold,
            @Value("${plan-review.retention.keep-runs-per-year:0}") int keepRunsPerYear,
            @Value("${plan-review.workbook.eprocedure-rows:" + ReviewWorkbook.DEFAULT_LISTED_ROWS + "}") int workbookEprocedureRows) {
        if (keepRunsPerYear < 0) {
            throw new IllegalArgumentException("plan-review.retention.keep-runs-per-year must be 0 (keep every run) "
                    + "or the number of runs to keep per year, not " + keepRunsPerYear);
        }
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.figures = figures;
        this.chunkSize = chunkSize;
        this.maxRejectedRows = maxRejectedRows;
        this.checkpoint = new DatabaseCheckpointListener(dataSource);
        this.thresholds = new Thresholds(onTrack, slightlyBehind);
        this.majorProcedureThreshold = majorProcedureThreshold;
        this.workbookEprocedureRows = workbookEprocedureRows;
        this.runLock = runLock;
        this.keepRunsPerYear = keepRunsPerYear;
    }

    /** The current run, resolved per step so singleton readers and writers always see their own run. */
    @Bean
    @StepScope
    ReviewRun reviewRun(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new ReviewRun(stepExecution.getJobExecution());
    }

    @Bean
    FindingRecorder findingRecorder(FindingRepository findings, ReviewRun reviewRun) {
        return new FindingRecorder(findings, transactionManager, reviewRun::runId);
    }

    @Bean
    Job annualReviewJob(ReviewRun reviewRun, FindingRecorder findingRecorder, FindingRepository findings,
            ObjectProvider<BuildProperties> build, MeasureReview.RatingRule measureRating, ReceiptSettings receipts) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
            .listener(new RunLogListener(runLog))
            .listener(new RunOutcomeListener(findings))
            .listener(new JobExecutionListener() {
                @Override
                public void beforeJob(JobExecution execution) {
                    // a second run that finds the data folder locked can then name this run
                    String year = execution.getJobParameters().getString(ReviewRun.FISCAL_YEAR);
                    runLock.ifAvailable(lock -> lock.describe("run " + ReviewRun.runName(execution) + " for "
                            + (year == null || year.isEmpty() ? "the latest year" : "FY" + year)));
                }
            })
            .listener(new JobExecutionListener() {
                @Override
                public void afterJob(JobExecution execution) {
                    workbooks.clear(execution.getId());
                }
            })
            .start(tasklet("prepareRunStep",
                    new PrepareRunTasklet(jdbc, reviewRun, inputFileNames(), findingRecorder)))
            .next(tasklet("readWorkbooksStep", new ReadWorkbooksTasklet(jdbc, reviewRun::inputDir, reviewRun::runId,
                    reviewRun::requestedYear, findingRecorder, workbooks)));
        for (RowParser<? extends TableRow> input : INPUTS) {
            job = job.next(loadStep(input, reviewRun, findingRecorder));
        }
        job = job.next(countReceiptsStep(reviewRun, receipts))
            .next(new StepBuilder("summariseReceiptsStep", jobRepository) // a few thousand rows: no checkpoint first
                .tasklet(new ReceiptSummaryTasklet(jdbc, receipts.totals(), findingRecorder, reviewRun::runId,
                        receipts.figures(), figures::of), transactionManager)
                .listener(new StepProgressListener(jdbc, null))
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution step) {
                        // once every file is loaded and the receipt logs counted: the loads and the count use both
                        // cores, and the warm-up (and the compiler's work for it) would take one from them
                        startReportWarmUp();
                        return step.getExitStatus();
                    }
                })
                .build())
            .next(new StepBuilder("hashReceiptLogsStep", jobRepository)
                .tasklet(new HashReceiptLogsTasklet(jdbc, reviewRun::runId, reviewRun::inputDir), transactionManager)
                .listener(new StepProgressListener(jdbc, null))
                .build());
        return job.next(tasklet("crossCheckStep", new CrossCheckTasklet(jdbc, reviewRun, findingRecorder, figures)))
            .next(tasklet("resolveReviewYearStep", new ResolveReviewYearTasklet(jdbc, reviewRun, findingRecorder, figures)))
            .next(tasklet("computeUtilisationStep", new UtilisationRatesTasklet(figures, findingRecorder,
                    reviewRun::runId, () -> reviewRun.fiscalYear().year())))
            .next(tasklet("checkUtilisationStep", new UtilisationChecksTasklet(jdbc, findingRecorder,
                    reviewRun::runId, () -> reviewRun.fiscalYear().year(), figures)))
            .next(tasklet("evaluateKpisStep", new KpiEvaluationTasklet(jdbc, findingRecorder, reviewRun::runId,
                    () -> reviewRun.fiscalYear().year(), reviewRun::plan, thresholds, majorProcedureThreshold, figures)))
            .next(tasklet("reviewMeasuresStep", new MeasureReviewTasklet(new MeasureRepository(jdbc), findingRecorder,
                    reviewRun::runId, reviewRun::fiscalYear, reviewRun::plan, measureRating)))
            .next(tasklet("exportMeasuresStep", new MeasureExportTasklet(new MeasureRepository(jdbc), reviewRun::runId,
                    reviewRun::fiscalYear, () -> workingFolder(reviewRun))))
            .next(tasklet("exportReceiptCountsStep", new ExportReceiptCountsTasklet(jdbc, figures::of, reviewRun::runId,
                    () -> reviewRun.fiscalYear().year(), () -> workingFolder(reviewRun))))
            .next(tasklet("exportResultsStep", new ExportResultsTasklet(jdbc, reviewRun, figures)))
            .next(tasklet("renderReportsStep", new RenderReportsTasklet(jdbc, reviewPdf, reviewRun::runId,
                    reviewRun::fiscalYear, reviewRun::plan, () -> workingFolder(reviewRun), softwareVersion(build),
                    majorProcedureThreshold, workbookEprocedureRows, figures)))
            .next(tasklet("publishRunStep", new PublishRunTasklet(reviewRun, runLog, jdbc, findings, softwareVersion(build),
                    keepRunsPerYear)))
            .build();
    }

    /** How a 取組 is rated from its 取組事項 ({@code docs/method.md}, "Rating a 取組"). */
    @Bean
    MeasureReview.RatingRule measureRatingRule(@Value("${plan-review.measures.good-share:1.00}") BigDecimal good,
            @Value("${plan-review.measures.mostly-share:0.80}") BigDecimal mostly,
            @Value("${plan-review.measures.unreported-counts-as-behind:false}") boolean unreportedAsBehind) {
        return new MeasureReview.RatingRule(good, mostly, unreportedAsBehind);
    }

    private <T extends TableRow> Step loadStep(RowParser<T> input, ReviewRun reviewRun, FindingRecorder findings) {
        CsvRowReader reader = new CsvRowReader(reviewRun::inputDir, input.schema(), findings);
        // its position is ahead of the step's: the read-ahead reader saves the rows the step took instead
        reader.setSaveState(false);
        // read and validated on a thread of its own, a few blocks ahead, while the step stores the rows before
        WorkbookRowProcessor<T> validation = new WorkbookRowProcessor<>(input, workbooks);
        var step = new StepBuilder(loadStepName(input.fileName()), jobRepository).<ParsedRow<T>, T>chunk(chunkSize)
            .transactionManager(transactionManager)
            .reader(new ReadAheadReader<>(new WorkbookRowReader(reader,
                    () -> workbooks.rows(reviewRun.runId(), input.fileName())), validation::process, "read-ahead-" + input.fileName()))
            .processor(ParsedRow::valueOrThrow)
            .writer(writer(input, reviewRun))
            .faultTolerant()
            .skipPolicy(new RejectedRowLimit(input.fileName(), maxRejectedRows))
            .skipListener(new RejectedRowListener(findings))
            .listener(new StepProgressListener(jdbc, input.fileName(), reader, findings))
            .listener(checkpoint);
        if (input == EProcedureFigureRow.PARSER) {
            // the rows in columns as they are stored: the checks and sums then need no pass over the table
            step.listener((StepExecutionListener) figures);
            @SuppressWarnings("unchecked")
            org.springframework.batch.core.listener.ItemWriteListener<T> written =
                    (org.springframework.batch.core.listener.ItemWriteListener<T>) (Object) figures;
            step.listener(written);
        }
        return step.build();
    }

    /**
     * The writer of a file's rows: into its table; for the e-procedure figures, only the rows other than 主な手続
     * (the ward totals, systems and 上記以外), a few hundred where the 主な手続 can be a million: those stay in memory
     * ({@link LoadedFigures}), which every later step reads (issue 16: storing them took most of a large run).
     */
    private <T extends TableRow> org.springframework.batch.infrastructure.item.ItemWriter<T> writer(RowParser<T> input,
            ReviewRun reviewRun) {
        TableRowWriter<T> all = new TableRowWriter<>(jdbc, input.table(), reviewRun::runId);
        if (input != EProcedureFigureRow.PARSER) {
            return all;
        }
        return chunk -> all.write(new org.springframework.batch.infrastructure.item.Chunk<>(chunk.getItems().stream()
            .filter(row -> ((EProcedureFigureRow) row).level() != EProcedureFigureRow.Level.PROCEDURE)
            .toList()));
    }

    /** The Maven project version, from the build-info the build writes; an IDE build without it says so. */
    /** The input files a run reads, in load order. */
    public static List<String> inputFileNames() {
        return INPUTS.stream().map(RowParser::fileName).toList();
    }

    /** Every input file of a run on {@code input}: the files above and the receipt logs it holds. */
    public static List<String> inputFileNames(java.nio.file.Path input) throws java.io.IOException {
        List<String> names = new java.util.ArrayList<>(inputFileNames());
        names.addAll(ReceiptLog.names(input));
        return names;
    }

    /** The version of this build as the manifests record it. */
    public static String softwareVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        return info == null || info.getVersion() == null ? "(development build)" : info.getVersion();
    }

    private static java.nio.file.Path workingFolder(ReviewRun run) {
        try {
            return run.folder().working();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException("cannot create the run folder in " + run.outputDir(), ex);
        }
    }

    /**
     * The receipt logs, one partition per log or byte range, counted in parallel on every core; each worker
     * keeps its tally in memory and {@code summariseReceiptsStep} stores the sums (docs/input-format.md#receipts).
     */
    private Step countReceiptsStep(ReviewRun reviewRun, ReceiptSettings receipts) {
        Step worker = new StepBuilder("countReceiptsPartitionStep", jobRepository)
            .tasklet(new CountReceiptsTasklet(figures::of, receipts.totals(), receipts.keepLines()), transactionManager)
            .build();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("receipts-");
        executor.setConcurrencyLimit(receipts.threads());
        return new StepBuilder("countReceiptsStep", jobRepository)
            .partitioner(worker.getName(), new ReceiptPartitioner(reviewRun::inputDir, receipts.threads()))
            .step(worker)
            .gridSize(receipts.threads())
            .taskExecutor(executor)
            .listener(new StepProgressListener(jdbc, null))
            .build();
    }

    /** Starts the report engine's warm-up on a background thread, once per run. */
    private void startReportWarmUp() {
        Thread warmUp = new Thread(() -> reviewPdf.warmUp(java.util.stream.Stream.concat(
                RenderReportsTasklet.TEMPLATES.stream(), MeasureSections.TEMPLATES.stream()).toList()), "report-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** {@code kpi-targets.csv} is loaded by {@code loadKpiTargetsStep}. */
    static String loadStepName(String fileName) {
        StringBuilder name = new StringBuilder("load");
        for (String part : fileName.replace(".csv", "").split("-")) {
            name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return name.append("Step").toString();
    }

    private Step tasklet(String name, org.springframework.batch.core.step.tasklet.Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager)
            .listener(new StepProgressListener(jdbc, null))
            .listener(checkpoint)
            .build();
    }

}
