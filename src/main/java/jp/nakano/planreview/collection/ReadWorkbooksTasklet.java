package jp.nakano.planreview.collection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.Checksums;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.Severity;

/**
 * {@code readWorkbooksStep}: reads the returned collection workbooks ({@code *.xlsx}) of the input folder,
 * records each as an input of the run (size, SHA-256) with its 記入者, 確認者 and 提出日, records what is wrong
 * with a workbook as a whole, and hands the filled rows to the load steps of their input files.
 */
public class ReadWorkbooksTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReadWorkbooksTasklet.class);

    private final JdbcTemplate jdbc;

    private final Supplier<Path> inputDir;

    private final LongSupplier runId;

    private final Supplier<FiscalYear> requestedYear;

    private final Consumer<Finding> findings;

    private final CollectedWorkbooks collected;

    public ReadWorkbooksTasklet(JdbcTemplate jdbc, Supplier<Path> inputDir, LongSupplier runId,
            Supplier<FiscalYear> requestedYear, Consumer<Finding> findings, CollectedWorkbooks collected) {
        this.jdbc = jdbc;
        this.inputDir = inputDir;
        this.runId = runId;
        this.requestedYear = requestedYear;
        this.findings = findings;
        this.collected = collected;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path input = inputDir.get();
        long run = runId.getAsLong();
        CollectionWorkbookReader reader = new CollectionWorkbookReader();
        List<CollectedWorkbook> workbooks = new ArrayList<>();
        for (String name : CollectedWorkbooks.fileNames(input)) {
            Path file = input.resolve(name);
            CollectedWorkbook workbook = reader.read(file);
            workbooks.add(workbook);
            jdbc.update("INSERT INTO run_input_file (run_id, file_name, encoding, size_bytes, sha256, rows_read) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", run, name, "xlsx", Files.size(file), Checksums.sha256(file),
                    (long) workbook.rowCount());
            contribution.incrementReadCount();
        }
        // the collection round is the year asked for, or the latest year the workbooks were sent for
        FiscalYear requested = requestedYear.get();
        Integer round = requested != null ? Integer.valueOf(requested.year())
                : workbooks.stream().filter(CollectedWorkbook::usable).map(CollectedWorkbook::fiscalYear)
                    .filter(Objects::nonNull).max(Integer::compare).orElse(null);
        for (CollectedWorkbook workbook : workbooks) {
            workbook.findings().forEach(findings);
            boolean load = workbook.usable();
            if (load && round != null && !round.equals(workbook.fiscalYear())) {
                findings.accept(Finding.of(Severity.ERROR, "collection.other-year", workbook.fileName(), null, null,
                        "FY" + workbook.fiscalYear(), FiscalYear.of(workbook.fiscalYear()).label() + "の調査票（"
                                + workbook.department() + "）だが、この実行で集めているのは" + FiscalYear.of(round).label()
                                + "。前年度の調査票が紛れていないか確認する。この調査票は読み込まない"));
                load = false;
            }
            jdbc.update("INSERT INTO run_workbook (run_id, file_name, department, fiscal_year, filled_by, checked_by, "
                    + "submitted, rows_reported, loaded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", run, workbook.fileName(),
                    workbook.department(), workbook.fiscalYear(), workbook.filledBy(), workbook.checkedBy(),
                    workbook.submitted(), workbook.rowCount(), load);
            if (load) {
                workbook.rows().forEach((file, rows) -> collected.put(run, file, rows));
            }
            log.info("Workbook {}: {} FY{}, {} row(s) reported, 記入者 {}, 確認者 {}, 提出日 {}{}", workbook.fileName(),
                    workbook.department(), workbook.fiscalYear(), workbook.rowCount(), workbook.filledBy(),
                    workbook.checkedBy(), workbook.submitted(), load ? "" : " (not loaded)");
        }
        return RepeatStatus.FINISHED;
    }

}
