package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.appendLine;
import static jp.nakano.planreview.review.ReviewFixture.copyOfBundledInput;
import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import jp.nakano.planreview.collection.CollectionFixture;
import jp.nakano.planreview.collection.CollectionSheets;
import jp.nakano.planreview.common.FiscalYear;

/**
 * The review on returned collection workbooks: a workbook filled as a department fills it and saved again by
 * LibreOffice gives the same review as the same figures typed into the CSV files, and the cases that concern
 * several workbooks (the same KPI twice, a workbook of another year) are findings, with nothing published wrong.
 */
@SpringBootTest
class CollectionReviewJobTests {

    private static final String DX_OFFICE = "情報システム課";

    private static final String WORKBOOK = "FY2023-情報システム課.xlsx";

    /** Illustrative figures (SAMPLE, not published by the ward) a department reports for FY2023. */
    private static final String SOURCE_K01 = "SAMPLE 戸籍住民課 交付実績集計";

    private static final String SOURCE_K03 = "SAMPLE 窓口・電話の問合せ記録";

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path dir;

    @Test
    void shouldReviewAWorkbookResavedByLibreOfficeExactlyAsItsCsvTwin() throws Exception {
        Path viaWorkbook = copyOfBundledInput(dir.resolve("workbook"));
        Path template = CollectionFixture.template(viaWorkbook, 2023, DX_OFFICE, dir.resolve("sent"));
        try (CollectionFixture.Filler filler = CollectionFixture.open(template)) {
            filler.cover("情報 太郎（内線1234）", "情報システム課長 中野 花子", LocalDate.of(2024, 5, 20))
                .set(CollectionSheets.KPIS, "chiiki2-k01", "value", 72.5)
                .set(CollectionSheets.KPIS, "chiiki2-k01", "status", "確定値")
                .set(CollectionSheets.KPIS, "chiiki2-k01", "source", SOURCE_K01)
                .set(CollectionSheets.KPIS, "chiiki2-k03", "value", 90000)
                .set(CollectionSheets.KPIS, "chiiki2-k03", "status", "速報値")
                .set(CollectionSheets.KPIS, "chiiki2-k03", "source", SOURCE_K03)
                .set(CollectionSheets.KPIS, "chiiki2-k03", "factor_analysis", "チャットボットの案内が浸透せず、電話が減らなかった。")
                .set(CollectionSheets.KPIS, "chiiki2-k03", "next_steps", "よくある質問を地図情報ページに載せる。")
                .set(CollectionSheets.ITEMS, "chiiki2-1-1-2-01", "status", "遅れ")
                .set(CollectionSheets.ITEMS, "chiiki2-1-1-2-01", "done", "子育て関係の3手続をぴったりサービスに追加した。")
                .set(CollectionSheets.ITEMS, "chiiki2-1-1-2-01", "issues", "介護関係の様式の見直しが年度内に終わらなかった。")
                .set(CollectionSheets.ITEMS, "chiiki2-1-1-2-01", "next_steps", "令和6年度上半期に介護関係の2手続を追加する。")
                .set(CollectionSheets.ITEMS, "chiiki2-1-1-2-01", "self_rating", "B")
                .set(CollectionSheets.EPROCEDURES, "total", "procedure_count", 430)
                .set(CollectionSheets.EPROCEDURES, "total", "online_receipts", 1_900_000)
                .set(CollectionSheets.EPROCEDURES, "total", "total_receipts", 2_600_000)
                .set(CollectionSheets.EPROCEDURES, "s01", "online_receipts", 40_000)
                .set(CollectionSheets.EPROCEDURES, "s01", "total_receipts", 80_000)
                .set(CollectionSheets.EPROCEDURES, "s01-p1", "online_receipts", 3_000)
                .set(CollectionSheets.EPROCEDURES, "s01-p1", "total_receipts", 5_000)
                .set(CollectionSheets.EPROCEDURES, "s03", "procedure_count", 1)
                .set(CollectionSheets.EPROCEDURES, "s03", "online_receipts", 250_000)
                .set(CollectionSheets.EPROCEDURES, "s03", "total_receipts", 310_000)
                .set(CollectionSheets.EPROCEDURES, "s03", "online_capable", "○");
        }
        CollectionFixture.resaveWithLibreOffice(template, viaWorkbook);

        Path viaCsv = copyOfBundledInput(dir.resolve("csv"));
        appendLine(viaCsv.resolve("kpi-actuals.csv"), "chiiki2-k01,2023,,72.5,final,," + SOURCE_K01 + ",");
        appendLine(viaCsv.resolve("kpi-actuals.csv"), "chiiki2-k03,2023,,90000,provisional,," + SOURCE_K03 + ",");
        appendLine(viaCsv.resolve("kpi-explanations.csv"), "chiiki2-k03,2023,チャットボットの案内が浸透せず、電話が減らなかった。,"
                + "よくある質問を地図情報ページに載せる。,情報システム課 情報 太郎（内線1234）,2024-05-20," + WORKBOOK + " 成果指標");
        appendLine(viaCsv.resolve("measure-reports.csv"), "2023,chiiki2-1-1-2-01,遅れ,子育て関係の3手続をぴったりサービスに追加した。,"
                + "介護関係の様式の見直しが年度内に終わらなかった。,令和6年度上半期に介護関係の2手続を追加する。,B,"
                + "情報システム課 情報 太郎（内線1234）,2024-05-20," + WORKBOOK + " 取組事項");
        String eprocedureSource = ",情報システム課,," + WORKBOOK + " 電子手続（情報システム課の報告）,";
        appendLine(viaCsv.resolve("eprocedure-figures.csv"), "2023,total,total,,0,区全体の電子手続,430,1900000,2600000,,"
                + eprocedureSource);
        appendLine(viaCsv.resolve("eprocedure-figures.csv"), "2023,s01,system,,1,東京電子自治体共同運営電子申請サービス,,40000,80000,,"
                + eprocedureSource);
        appendLine(viaCsv.resolve("eprocedure-figures.csv"), "2023,s01-p1,procedure,s01,1,区民健診の申込み,,3000,5000,,"
                + eprocedureSource);
        appendLine(viaCsv.resolve("eprocedure-figures.csv"), "2023,s03,system,,3,粗大ごみ受付システム,1,250000,310000,true,"
                + eprocedureSource);

        JobExecution fromWorkbook = run(viaWorkbook, 2023);
        JobExecution fromCsv = run(viaCsv, 2023);

        assertThat(fromWorkbook.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(fromWorkbook.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(findings(fromWorkbook)).noneMatch(f -> f.get("severity").equals("ERROR"));
        List<Map<String, String>> attainment = readOutput(ReviewFixture.runFolder(fromWorkbook).resolve("kpi-attainment.csv"));
        List<Map<String, String>> twin = readOutput(ReviewFixture.runFolder(fromCsv).resolve("kpi-attainment.csv"));
        // figure for figure; only where each actual came from differs (the workbook's sheet and row, the CSV line)
        assertThat(without(attainment, "actual_source")).isEqualTo(without(twin, "actual_source"));
        Map<String, String> k01 = attainment.stream().filter(r -> r.get("kpi_id").equals("chiiki2-k01")).findFirst().orElseThrow();
        assertThat(k01.get("actual")).isEqualTo("72.5");
        assertThat(k01.get("actual_source")).isEqualTo(WORKBOOK + " 成果指標 line 5");
        Map<String, String> k02 = attainment.stream().filter(r -> r.get("kpi_id").equals("chiiki2-k02")).findFirst().orElseThrow();
        assertThat(k02.get("actual")).as("derived from the workbook's ward total").isEqualTo("1900000");
        assertThat(without(readOutput(ReviewFixture.runFolder(fromWorkbook).resolve("eprocedure-utilisation.csv")),
                "source_file", "source_line"))
            .isEqualTo(without(readOutput(ReviewFixture.runFolder(fromCsv).resolve("eprocedure-utilisation.csv")),
                    "source_file", "source_line"));
        for (String table : List.of("in_measure_report", "in_kpi_explanation", "in_kpi_actual", "in_eprocedure_figure")) {
            assertThat(rows(table, fromWorkbook)).as(table).isEqualTo(rows(table, fromCsv)).isNotEmpty();
        }

        RunManifest manifest = ManifestFile.read(ReviewFixture.runFolder(fromWorkbook));
        assertThat(manifest.workbooks()).containsExactly(new RunManifest.Workbook(WORKBOOK, DX_OFFICE, 2023,
                "情報 太郎（内線1234）", "情報システム課長 中野 花子", "2024-05-20", 8, true));
        assertThat(manifest.inputFiles()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo(WORKBOOK);
            assertThat(f.encoding()).isEqualTo("xlsx");
            assertThat(f.sha256()).hasSize(64);
        });
    }

    @Test
    void shouldLeaveOutAKpiTwoWorkbooksReportAndAWorkbookOfAnotherYear() throws Exception {
        Path input = copyOfBundledInput(dir.resolve("input"));
        Path first = CollectionFixture.template(input, 2023, DX_OFFICE, dir.resolve("sent"));
        try (CollectionFixture.Filler filler = CollectionFixture.open(first)) {
            filler.cover("情報 太郎", "情報システム課長", LocalDate.of(2024, 5, 20))
                .set(CollectionSheets.KPIS, "chiiki2-k01", "value", 72.5)
                .set(CollectionSheets.KPIS, "chiiki2-k01", "status", "確定値")
                .set(CollectionSheets.KPIS, "chiiki2-k01", "source", SOURCE_K01)
                .set(CollectionSheets.KPIS, "chiiki2-k04", "value", 6.2)
                .set(CollectionSheets.KPIS, "chiiki2-k04", "status", "確定値")
                .set(CollectionSheets.KPIS, "chiiki2-k04", "source", "SAMPLE 区民意識・実態調査")
                .set(CollectionSheets.EPROCEDURES, "s05", "online_receipts", 1_100_000)
                .set(CollectionSheets.EPROCEDURES, "s05", "total_receipts", 1_200_000);
        }
        Files.copy(first, input.resolve(WORKBOOK));
        // a FY2023 row typed into the CSV file on line 20, the line of s05 on the workbook's sheet: both are read
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(input.resolve("eprocedure-figures.csv")));
        assertThat(lines.get(19)).startsWith("2020,s08,");
        lines.set(19, "2023,s14,system,,14,ぴったりサービス（特別定額給付金）,1,100,200,,,,,SAMPLE typed by the DX office,");
        Files.write(input.resolve("eprocedure-figures.csv"), lines);
        // the same department sends a second, corrected file without withdrawing the first; nobody confirmed it
        Path second = input.resolve("FY2023-情報システム課（修正）.xlsx");
        Files.copy(first, second);
        try (CollectionFixture.Filler filler = CollectionFixture.open(second)) {
            filler.set(CollectionSheets.KPIS, "chiiki2-k01", "value", 73.0);
            filler.cell(CollectionSheets.EPROCEDURES, "s05", "online_receipts").setBlank();
            filler.cell(CollectionSheets.EPROCEDURES, "s05", "total_receipts").setBlank();
            filler.workbook().getSheet(CollectionSheets.GUIDE).getRow(CollectionSheets.CHECKED_BY_ROW - 1).getCell(1)
                .setBlank();
        }
        // last year's workbook, filled, sent again by mistake
        Path lastYear = CollectionFixture.template(input, 2022, DX_OFFICE, dir.resolve("sent-2022"));
        try (CollectionFixture.Filler filler = CollectionFixture.open(lastYear)) {
            filler.cover("情報 太郎", "情報システム課長", LocalDate.of(2023, 5, 19))
                .set(CollectionSheets.KPIS, "chiiki2-k01", "value", 60.0)
                .set(CollectionSheets.KPIS, "chiiki2-k01", "status", "確定値")
                .set(CollectionSheets.KPIS, "chiiki2-k01", "source", "SAMPLE");
        }
        Files.copy(lastYear, input.resolve("FY2022-情報システム課.xlsx"));

        JobExecution run = run(input, 2023);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_ERRORS");
        List<Map<String, String>> findings = findings(run);
        assertThat(findings).filteredOn(f -> f.get("code").equals("key.duplicate")).extracting(f -> f.get("file"))
            .containsExactlyInAnyOrder(WORKBOOK + " 成果指標", "FY2023-情報システム課（修正）.xlsx 成果指標", WORKBOOK + " 成果指標",
                    "FY2023-情報システム課（修正）.xlsx 成果指標");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("collection.other-year");
            assertThat(f.get("file")).isEqualTo("FY2022-情報システム課.xlsx");
            assertThat(f.get("severity")).isEqualTo("ERROR");
        });
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("collection.unconfirmed");
            assertThat(f.get("file")).isEqualTo("FY2023-情報システム課（修正）.xlsx");
            assertThat(f.get("field")).isEqualTo("記入方法!B6");
            assertThat(f.get("severity")).isEqualTo("WARNING");
        });
        Map<String, Map<String, String>> byKpi = new HashMap<>();
        readOutput(ReviewFixture.runFolder(run).resolve("kpi-attainment.csv")).forEach(r -> byKpi.put(r.get("kpi_id"), r));
        // neither of two different figures is published; the FY2022 actual stays the CSV's, not last year's workbook's
        assertThat(byKpi.get("chiiki2-k01").get("actual")).isEmpty();
        assertThat(byKpi.get("chiiki2-k04").get("actual")).as("reported the same in both: still two reports").isEmpty();
        assertThat(jdbc.queryForObject("SELECT actual_value FROM in_kpi_actual WHERE run_id = ? AND kpi_id = 'chiiki2-k01' "
                + "AND fiscal_year = 2022 AND NOT excluded", java.math.BigDecimal.class, run.getId()))
            .isEqualByComparingTo("62.3");
        assertThat(readOutput(ReviewFixture.runFolder(run).resolve("eprocedure-utilisation.csv")))
            .filteredOn(r -> r.get("fiscal_year").equals("2023") && r.get("source_line").equals("20"))
            .extracting(r -> r.get("row_id"), r -> r.get("source_file"))
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("s05", WORKBOOK + " 電子手続"),
                    org.assertj.core.groups.Tuple.tuple("s14", "eprocedure-figures.csv"));
        RunManifest manifest = ManifestFile.read(ReviewFixture.runFolder(run));
        assertThat(manifest.workbooks()).extracting(RunManifest.Workbook::path, RunManifest.Workbook::loaded)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("FY2022-情報システム課.xlsx", false),
                    org.assertj.core.groups.Tuple.tuple(WORKBOOK, true),
                    org.assertj.core.groups.Tuple.tuple("FY2023-情報システム課（修正）.xlsx", true));
    }

    private JobExecution run(Path input, int year) throws Exception {
        return jobOperator.start(annualReviewJob, ReviewRun.parameters(input, dir.resolve("out-" + input.getParent()
            .getFileName()), FiscalYear.of(year), null));
    }

    private static List<Map<String, String>> findings(JobExecution run) throws Exception {
        return readOutput(ReviewFixture.runFolder(run).resolve("validation-findings.csv"));
    }

    private static List<Map<String, String>> without(List<Map<String, String>> rows, String... columns) {
        return rows.stream().map(r -> {
            Map<String, String> copy = new java.util.TreeMap<>(r);
            for (String c : columns) {
                copy.remove(c);
            }
            return (Map<String, String>) copy;
        }).toList();
    }

    /** The rows a run stored in an input table for FY2023, without the run and where each came from. */
    private List<Map<String, Object>> rows(String table, JobExecution run) {
        return jdbc.queryForList("SELECT * FROM " + table + " WHERE run_id = ? AND fiscal_year = 2023 AND NOT excluded",
                run.getId()).stream().map(r -> {
                    Map<String, Object> copy = new java.util.TreeMap<>(r);
                    copy.keySet().removeAll(List.of("RUN_ID", "SOURCE_FILE", "SOURCE_LINE"));
                    return (Map<String, Object>) copy;
                }).sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

}
