package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.copyOfBundledInput;
import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.audit.ManifestFile;
import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.common.Checksums;
import jp.nakano.planreview.common.FiscalYear;

/**
 * The damaged inputs of issue 10 that need a whole run: each case's files in
 * {@code src/test/resources/input-cases/<case>/} replace the bundled file of the same name in a copy of the
 * bundled input; {@code docs/input-format.md} ("Damaged input") says how each is treated.
 */
@SpringBootTest
class InputCasesJobTests {

    private static final Path CASES = Path.of("src/test/resources/input-cases");

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path dir;

    @Test
    void shouldRejectARateTypedAsAFractionAndNotPublishItAsWorsened() throws Exception {
        JobExecution run = run(input("rate-typed-as-fraction"), 2022);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("severity")).isEqualTo("ERROR");
            assertThat(f.get("code")).isEqualTo("kpi.actual-fraction");
            assertThat(f.get("file")).isEqualTo("kpi-actuals.csv");
            assertThat(f.get("line")).isEqualTo("4");
            assertThat(f.get("value")).isEqualTo("0.623");
            assertThat(f.get("raw_record")).contains("0.623").contains("62.3%");
        });
        Map<String, String> k01 = attainment(run, "chiiki2-k01");
        assertThat(k01.get("status")).isEqualTo("未評価");
        assertThat(k01.get("actual")).isEmpty();
        assertThat(k01.get("forecast")).isEmpty();
    }

    @Test
    void shouldWarnOfRatesAndCountsImplausibleForTheirKpi() throws Exception {
        JobExecution run = run(input("rate-implausible-without-wording"), 2022);

        List<Map<String, String>> implausible = findings(run).stream()
            .filter(f -> f.get("code").equals("kpi.actual-implausible"))
            .toList();
        assertThat(implausible).extracting(f -> f.get("severity")).containsOnly("WARNING");
        assertThat(implausible).anySatisfy(f -> {
            assertThat(f.get("line")).isEqualTo("3");
            assertThat(f.get("message")).contains("1%未満");
        });
        assertThat(implausible).anySatisfy(f -> {
            assertThat(f.get("line")).isEqualTo("4");
            assertThat(f.get("message")).contains("0〜100%の範囲外");
        });
        assertThat(implausible).anySatisfy(f -> {
            assertThat(f.get("line")).isEqualTo("6");
            assertThat(f.get("message")).contains("前年度の 4122 の約100倍");
        });
    }

    @Test
    void shouldRejectARunningTotalThatGoesDownNamingBothYearsAndValues() throws Exception {
        JobExecution run = run(input("running-total-decreases"), 2022);

        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("severity")).isEqualTo("ERROR");
            assertThat(f.get("code")).isEqualTo("kpi.running-total-decreases");
            assertThat(f.get("line")).isEqualTo("3");
            assertThat(f.get("message")).contains(FiscalYear.of(2021).label()).contains("96,067")
                .contains(FiscalYear.of(2020).label()).contains("106,067").contains("2 行目");
        });
        assertThat(inputFile(run, "kpi-actuals.csv")).containsEntry("rows_left_out", "1");
    }

    @Test
    void shouldSkipExcelEmptyRowsAndCountThemAsBlank() throws Exception {
        JobExecution run = run(input("excel-empty-rows"), 2022);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(inputFile(run, "kpi-actuals.csv")).containsEntry("rows_read", "2")
            .containsEntry("rows_loaded", "2")
            .containsEntry("rows_rejected", "0")
            .containsEntry("rows_blank", "152");
        assertThat(findings(run)).noneSatisfy(f -> assertThat(f.get("file")).isEqualTo("kpi-actuals.csv"));
    }

    @Test
    void shouldNotRateAKpiWhoseTargetYearIsBeforeItsBaseline() throws Exception {
        JobExecution run = run(input("target-before-baseline"), 2022);

        List<Map<String, String>> errors = findings(run).stream()
            .filter(f -> f.get("code").equals("kpi.target-before-baseline"))
            .toList();
        assertThat(errors).extracting(f -> f.get("line")).containsExactly("2", "5");
        assertThat(errors).extracting(f -> f.get("severity")).containsOnly("ERROR");
        assertThat(errors.get(0).get("message")).contains("chiiki2-k02").contains("interim").contains("より前");
        for (String kpi : List.of("chiiki2-k02", "chiiki2-k04")) {
            Map<String, String> row = attainment(run, kpi);
            assertThat(row.get("status")).as(kpi).isEqualTo("未評価");
            assertThat(row.get("reason")).as(kpi).contains("target year not after the baseline");
        }
    }

    @Test
    void shouldCountEveryRowReadOnceAndKeepTheRecordOfRowsLeftOut() throws Exception {
        JobExecution run = run(input("rows-left-out-counted"), 2022);

        // 5 rows read: 1 loaded, 1 rejected (not a number), 3 left out (an unknown id, a duplicate key twice)
        Map<String, String> counts = inputFile(run, "kpi-actuals.csv");
        assertThat(counts).containsEntry("rows_read", "5")
            .containsEntry("rows_loaded", "1")
            .containsEntry("rows_rejected", "1")
            .containsEntry("rows_left_out", "3")
            .containsEntry("rows_blank", "1");
        RunManifest.InputFile manifest = ManifestFile.read(ReviewFixture.runFolder(run)).inputFiles().stream()
            .filter(f -> f.path().equals("kpi-actuals.csv"))
            .findFirst()
            .orElseThrow();
        assertThat(List.of(manifest.rowsRead(), manifest.rowsLoaded(), manifest.rowsRejected(), manifest.rowsLeftOut(),
                manifest.rowsBlank())).containsExactly(5L, 1L, 1L, 3L, 1L);
        assertThat(findings(run)).filteredOn(f -> f.get("code").startsWith("key.")).hasSize(3)
            .allSatisfy(f -> assertThat(f.get("raw_record")).startsWith("chiiki2-k").contains("test case"))
            .anySatisfy(f -> assertThat(f.get("raw_record")).startsWith("chiiki2-k99,2022"));
        // every file adds up
        for (Map<String, String> file : readOutput(ReviewFixture.runFolder(run).resolve("input-files.csv"))) {
            assertThat(Long.parseLong(file.get("rows_read"))).as(file.get("file")).isEqualTo(
                    Long.parseLong(file.get("rows_loaded")) + Long.parseLong(file.get("rows_rejected"))
                            + Long.parseLong(file.get("rows_left_out")));
        }
    }

    @Test
    void shouldFingerprintTheBytesReadWhenAFileGrowsDuringTheRun() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path file = input.resolve("eprocedure-figures.csv");
        String before = Checksums.sha256(file);
        // eprocedure-figures.csv is loaded last: it grows as soon as the run has recorded the inputs it found
        AtomicBoolean grown = new AtomicBoolean();
        Long lastRun = jdbc.queryForObject("SELECT COALESCE(MAX(run_id), 0) FROM run_input_file", Long.class);
        Thread grower = new Thread(() -> {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                Long recorded = jdbc.queryForObject("SELECT COUNT(*) FROM run_input_file WHERE file_name = ? AND sha256 = ?"
                        + " AND rows_read IS NULL AND run_id > ?", Long.class, "eprocedure-figures.csv", before, lastRun);
                if (recorded != null && recorded > 0) {
                    try {
                        Files.writeString(file, "2022,s99,system,,99,追記されたシステム,1,10,20,,,,,appended during the run,\n",
                                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                        grown.set(true);
                    }
                    catch (java.io.IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                    return;
                }
                Thread.onSpinWait();
            }
        });
        grower.start();
        JobExecution run = run(input, 2022);
        grower.join();

        assertThat(grown).isTrue();
        String after = Checksums.sha256(file);
        assertThat(inputFile(run, "eprocedure-figures.csv")).containsEntry("sha256", after)
            .containsEntry("size_bytes", String.valueOf(Files.size(file)));
        assertThat(ManifestFile.read(ReviewFixture.runFolder(run)).inputFiles()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("eprocedure-figures.csv");
            assertThat(f.sha256()).isEqualTo(after);
        });
        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("input.changed-during-run");
            assertThat(f.get("file")).isEqualTo("eprocedure-figures.csv");
            assertThat(f.get("message")).contains(before).contains(after);
        });
        assertThat(readOutput(ReviewFixture.runFolder(run).resolve("eprocedure-utilisation.csv")))
            .anySatisfy(r -> assertThat(r.get("row_id")).isEqualTo("s99"));
    }

    @Test
    void shouldWarnOfALinkToAFileOutsideTheInputFolder() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path outside = Files.createDirectories(dir.resolve("elsewhere")).resolve("plans.csv");
        Files.move(input.resolve("plans.csv"), outside);
        Files.createSymbolicLink(input.resolve("plans.csv"), outside);

        JobExecution run = run(input, 2022);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("input.outside-folder");
            assertThat(f.get("severity")).isEqualTo("WARNING");
            assertThat(f.get("message")).contains(input.toRealPath().toString())
                .contains(outside.toRealPath().toString());
        });
    }

    @Test
    void shouldNeverRepeatTheContentsOfALinkedFileThatIsNotACsv() throws Exception {
        Path input = copyOfBundledInput(dir);
        Files.delete(input.resolve("kpi-actuals.csv"));
        Files.createSymbolicLink(input.resolve("kpi-actuals.csv"), CASES.resolve("not-a-csv/passwd").toAbsolutePath());

        JobExecution run = run(input, 2022);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        String failure = failure(run);
        assertThat(failure).contains("kpi-actuals.csv").contains("none of the file's columns")
            .doesNotContain("root:x").doesNotContain("daemon");
        assertThat(jdbc.queryForList("SELECT message FROM run_finding WHERE run_id = ?", String.class, run.getId()))
            .anySatisfy(m -> assertThat(m).contains("passwd"))
            .noneSatisfy(m -> assertThat(m).contains("root:x"));
    }

    @Test
    void shouldWarnOfTenToTheTwentyReceiptsAndKeepThemExact() throws Exception {
        JobExecution run = run(input("receipts-hundred-quintillion"), 2022);

        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("eprocedure.implausible-change");
            assertThat(f.get("line")).isEqualTo("3");
            assertThat(f.get("field")).isEqualTo("total_receipts");
            assertThat(f.get("message")).contains("100,000,000,000,000,000,000").contains("300,000");
        });
        assertThat(readOutput(ReviewFixture.runFolder(run).resolve("eprocedure-utilisation.csv")))
            .anySatisfy(r -> {
                assertThat(r.get("row_id")).isEqualTo("s03");
                assertThat(r.get("total_receipts")).isEqualTo("100000000000000000000");
            });
        // a spreadsheet number keeps 15 digits: the workbook has the figure exactly, as text
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(ReviewFixture.runFolder(run).resolve("review-chiiki2-FY2022.xlsx")))) {
            List<String> cells = new java.util.ArrayList<>();
            workbook.getSheet("電子手続利用率").forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
            assertThat(cells).contains("100,000,000,000,000,000,000").doesNotContain("1.0E20");
        }
    }

    @Test
    void shouldNameTheLineOfATotalTypedAmongTheSystems() throws Exception {
        JobExecution run = run(input("typed-total-among-systems"), 2022);

        assertThat(findings(run)).filteredOn(f -> f.get("code").equals("eprocedure.total-as-system"))
            .singleElement()
            .satisfies(f -> {
                assertThat(f.get("line")).isEqualTo("5");
                assertThat(f.get("message")).contains("s99").contains("合計");
            });
    }

    @Test
    void shouldNameTheFileWhenTooManyRowsAreRejected() throws Exception {
        JobExecution run = run(input("too-many-rejected-rows"), 2022);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(run)).contains("kpi-actuals.csv: more than 100 rejected rows");
    }

    /** A copy of the bundled input with the case's files in place of the bundled ones. */
    private Path input(String testCase) throws Exception {
        Path input = copyOfBundledInput(dir);
        try (Stream<Path> files = Files.list(CASES.resolve(testCase))) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return input;
    }

    private JobExecution run(Path input, Integer year) throws Exception {
        return jobOperator.start(annualReviewJob, ReviewRun.parameters(input, dir.resolve("out"),
                year == null ? null : FiscalYear.of(year), null));
    }

    private static List<Map<String, String>> findings(JobExecution run) throws Exception {
        return readOutput(ReviewFixture.runFolder(run).resolve("validation-findings.csv"));
    }

    private static Map<String, String> attainment(JobExecution run, String kpi) throws Exception {
        return readOutput(ReviewFixture.runFolder(run).resolve("kpi-attainment.csv")).stream()
            .filter(r -> r.get("kpi_id").equals(kpi))
            .findFirst()
            .orElseThrow();
    }

    private static Map<String, String> inputFile(JobExecution run, String name) throws Exception {
        return readOutput(ReviewFixture.runFolder(run).resolve("input-files.csv")).stream()
            .filter(r -> r.get("file").equals(name))
            .findFirst()
            .orElseThrow();
    }

    private static String failure(JobExecution run) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t : run.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                messages.append(c.getMessage()).append(" | ");
            }
        }
        return messages.toString();
    }

}
