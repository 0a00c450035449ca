package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.appendLine;
import static jp.nakano.planreview.review.ReviewFixture.copyOfBundledInput;
import static jp.nakano.planreview.review.ReviewFixture.line;
import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static jp.nakano.planreview.review.ReviewFixture.replaceInLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvInput;

/** Runs {@code annualReviewJob} for real on the bundled data and on broken copies of it. */
@SpringBootTest
class AnnualReviewJobTests {

    /**
     * The FY2020 table 主な電子手続の利用状況 as printed in the plan (seed 000, 参考資料): name and
     * 電子手続利用率. This is the oracle; the job must give every one of these figures.
     */
    static final String[][] PRINTED_FY2020 = {
            { "s01", "東京電子自治体共同運営電子申請サービス", "4.87" },
            { "s01-p1", "区民健診の申込み", "49.51" },
            { "s01-p2", "大人の風しん抗体検査・ワクチン接種の費用助成申請", "71.19" },
            { "s01-p3", "区立保育園の一時保育利用予約の申込み", "40.31" },
            { "s01-other", "上記以外", "2.82" },
            { "s02", "東京電子自治体共同運営電子調達サービス", "100.00" },
            { "s03", "粗大ごみ受付システム", "79.18" },
            { "s04", "施設予約システム", "100.00" },
            { "s04-p1", "区立公園有料施設（野球場・庭球場）の使用申請", "100.00" },
            { "s04-other", "上記以外", "100.00" },
            { "s05", "図書館システム", "92.65" },
            { "s05-p1", "図書予約・リクエストの申込み（図書貸出しの申込み）", "94.62" },
            { "s05-other", "上記以外", "88.26" },
            { "s06", "地方税ポータルシステム（eLTAX）", "32.30" },
            { "s06-p1", "給与支払報告書の提出", "46.11" },
            { "s06-other", "上記以外", "9.74" },
            { "s07", "コンビニ交付システム", "9.79" },
            { "s08", "電子メール（パブリックコメント手続、区政への提案等）", "51.06" },
            { "s09", "ふるさと納税総合受付サイト", "100.00" },
            { "s10", "区民の声スマートフォンアプリケーション（なかのEYEアプリ）", "100.00" },
            { "s11", "コンテンツマネジメントシステムの「区民の声」", "70.27" },
            { "s12", "就労求人支援サイト（ぐっJOBなかの）", "100.00" },
            { "s13", "ぴったりサービス（マイナポータル）", "1.70" },
            { "s14", "ぴったりサービス（特別定額給付金）", "5.59" } };

    /** Line of 粗大ごみ受付システム (s03) in the bundled eprocedure-figures.csv. */
    private static final int S03_LINE = 9;

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path dir;

    @Test
    void shouldReproduceEveryUtilisationRatePrintedForFY2020() throws Exception {
        JobExecution run = run(ReviewFixture.BUNDLED_INPUT, 2020);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, String>> rows = readOutput(ReviewFixture.runFolder(run).resolve("eprocedure-utilisation.csv"));
        Map<String, Map<String, String>> byId = rows.stream()
            .collect(Collectors.toMap(r -> r.get("row_id"), r -> r, (a, b) -> a, LinkedHashMap::new));
        for (String[] printed : PRINTED_FY2020) {
            assertThat(byId).containsKey(printed[0]);
            Map<String, String> row = byId.get(printed[0]);
            assertThat(row.get("name")).as(printed[0]).isEqualTo(printed[1]);
            assertThat(row.get("utilisation_rate_percent")).as(printed[1]).isEqualTo(printed[2]);
            assertThat(row.get("rate_check")).as(printed[1]).isEqualTo("MATCHES");
        }
        // rows in the plan's order: systems by number, each followed by its 主な手続 and 上記以外
        assertThat(rows.stream().map(r -> r.get("row_id")).limit(PRINTED_FY2020.length))
            .containsExactly(java.util.Arrays.stream(PRINTED_FY2020).map(p -> p[0]).toArray(String[]::new));
        Map<String, String> sum = byId.get("computed_total");
        assertThat(sum.get("online_receipts")).isEqualTo("1457380");
        assertThat(sum.get("total_receipts")).isEqualTo("2463655");
        assertThat(sum.get("procedure_count")).isEqualTo("316");
        assertThat(sum.get("utilisation_rate_percent")).isEqualTo("59.16");
        assertThat(byId.get("total").get("online_receipts")).isEqualTo("1461063");
        assertThat(byId.get("s03").get("source_line")).isEqualTo(String.valueOf(S03_LINE));
    }

    @Test
    void shouldReportTheInconsistenciesOfThePublishedFY2020Table() throws Exception {
        JobExecution run = run(ReviewFixture.BUNDLED_INPUT, 2020);

        List<Map<String, String>> findings = findings(run);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("eprocedure.breakdown-mismatch");
            assertThat(f.get("line")).isEqualTo("3");
            assertThat(f.get("field")).isEqualTo("total_receipts");
            assertThat(f.get("message")).contains("201,040").contains("201,060");
        });
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("eprocedure.total-vs-systems");
            assertThat(f.get("severity")).isEqualTo("INFO");
            assertThat(f.get("message")).contains("3,683").contains("手続数 区全体 320・システム合計 316");
        });
        assertThat(findings).noneMatch(f -> f.get("severity").equals("ERROR"));
    }

    @Test
    void shouldReviewTheLatestYearWithFiguresByDefault() throws Exception {
        JobExecution run = run(ReviewFixture.BUNDLED_INPUT, null);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ReviewRuns.fiscalYear(run)).contains(FiscalYear.of(2022));
        assertThat(ReviewFixture.runFolder(run).getParent().getFileName().toString()).isEqualTo("FY2022");
        Map<String, String> total = readOutput(ReviewFixture.runFolder(run).resolve("eprocedure-utilisation.csv")).stream()
            .filter(r -> r.get("row_id").equals("total"))
            .findFirst()
            .orElseThrow();
        // 1,793,615 ÷ 2,441,639 = 73.459...%
        assertThat(total.get("utilisation_rate_percent")).isEqualTo("73.46");
    }

    @Test
    void shouldRunTheSameYearAgainAndGiveTheSameBytes() throws Exception {
        JobExecution first = run(ReviewFixture.BUNDLED_INPUT, 2020);
        JobExecution second = run(ReviewFixture.BUNDLED_INPUT, 2020);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ReviewFixture.runFolder(second)).isNotEqualTo(ReviewFixture.runFolder(first));
        for (String file : List.of("eprocedure-utilisation.csv", "kpi-attainment.csv", "kpi-summary.csv",
                "kpi-series.csv", "input-files.csv", "validation-findings.csv")) {
            assertThat(Files.readAllBytes(ReviewFixture.runFolder(second).resolve(file)))
                .isEqualTo(Files.readAllBytes(ReviewFixture.runFolder(first).resolve(file)));
        }
    }

    @Test
    void shouldKeepEveryRunsInputAndResultsInTheDatabaseAndTheProceduresInTheResultsFile() throws Exception {
        JobExecution run = run(ReviewFixture.BUNDLED_INPUT, 2020);

        // the 33 rows less the 10 主な手続, which only the results file lists (issue 16); the sum of the systems
        assertThat(count("SELECT COUNT(*) FROM in_eprocedure_figure WHERE run_id = ?", run.getId())).isEqualTo(23);
        assertThat(count("SELECT COUNT(*) FROM in_eprocedure_figure WHERE run_id = ? AND row_level = 'procedure'",
                run.getId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM res_eprocedure_utilisation WHERE run_id = ?", run.getId())).isEqualTo(1);
        List<Map<String, String>> results = readOutput(ReviewFixture.runFolder(run).resolve("eprocedure-utilisation.csv"));
        assertThat(results).hasSize(26);
        assertThat(results).filteredOn(r -> r.get("level").equals("procedure")).isNotEmpty()
            .allSatisfy(r -> assertThat(r.get("source_line")).isNotEmpty());
        assertThat(jdbc.queryForObject(
                "SELECT sha256 FROM run_input_file WHERE run_id = ? AND file_name = 'eprocedure-figures.csv'",
                String.class, run.getId()))
            .hasSize(64);
    }

    @Test
    void shouldRejectANonNumericCountAndNameFileLineFieldAndValue() throws Exception {
        Path input = copyOfBundledInput(dir);
        replaceInLine(input.resolve("eprocedure-figures.csv"), S03_LINE, ",242765,", ",abc,");

        JobExecution run = run(input, 2020);

        assertThat(run.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("severity")).isEqualTo("ERROR");
            assertThat(f.get("file")).isEqualTo("eprocedure-figures.csv");
            assertThat(f.get("line")).isEqualTo(String.valueOf(S03_LINE));
            assertThat(f.get("field")).isEqualTo("online_receipts");
            assertThat(f.get("value")).isEqualTo("abc");
            assertThat(f.get("message")).contains("数値として読めない");
            assertThat(f.get("raw_record")).contains("粗大ごみ受付システム");
        });
        assertThat(utilisationIds(run)).doesNotContain("s03").contains("s02", "s04");
    }

    @Test
    void shouldKeepPhysicalLineNumbersAcrossBlankLines() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path file = input.resolve("eprocedure-figures.csv");
        replaceInLine(file, S03_LINE, ",242765,", ",abc,");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.add(1, "");
        lines.add(1, "");
        Files.write(file, lines, StandardCharsets.UTF_8);

        JobExecution run = run(input, 2020);

        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("field")).isEqualTo("online_receipts");
            assertThat(f.get("line")).isEqualTo(String.valueOf(S03_LINE + 2));
        });
        assertThat(utilisationIds(run)).contains("s01", "s14");
    }

    @Test
    void shouldRejectANegativeCount() throws Exception {
        Path input = copyOfBundledInput(dir);
        replaceInLine(input.resolve("eprocedure-figures.csv"), S03_LINE, ",306612,", ",-306612,");

        JobExecution run = run(input, 2020);

        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("line")).isEqualTo(String.valueOf(S03_LINE));
            assertThat(f.get("field")).isEqualTo("total_receipts");
            assertThat(f.get("value")).isEqualTo("-306612");
            assertThat(f.get("message")).contains("負にできない");
        });
    }

    @Test
    void shouldRejectMoreOnlineReceiptsThanAllReceipts() throws Exception {
        Path input = copyOfBundledInput(dir);
        replaceInLine(input.resolve("eprocedure-figures.csv"), S03_LINE, ",242765,", ",306613,");

        JobExecution run = run(input, 2020);

        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("line")).isEqualTo(String.valueOf(S03_LINE));
            assertThat(f.get("field")).isEqualTo("online_receipts");
            assertThat(f.get("message")).contains("電子受付件数").contains("全受付件数（total_receipts）").contains("より多い");
        });
        assertThat(utilisationIds(run)).doesNotContain("s03");
    }

    @Test
    void shouldLeaveOutBothRowsOfADuplicateKeyAndSaySo() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path file = input.resolve("eprocedure-figures.csv");
        int copy = appendLine(file, line(file, S03_LINE).replace("242765", "242766"));

        JobExecution run = run(input, 2020);

        List<Map<String, String>> duplicates = findings(run).stream()
            .filter(f -> f.get("code").equals("key.duplicate"))
            .toList();
        assertThat(duplicates).extracting(f -> f.get("line"))
            .containsExactlyInAnyOrder(String.valueOf(S03_LINE), String.valueOf(copy));
        assertThat(duplicates.get(0).get("message")).contains("row_id=s03").contains("が重複（ほかに");
        assertThat(utilisationIds(run)).doesNotContain("s03");
    }

    @Test
    void shouldLeaveOutARowUnderASystemItsYearDoesNotHave() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path file = input.resolve("eprocedure-figures.csv");
        // s02 is a system of FY2020 only: under it in FY2021 the row has no system; s99 is no system at all
        int wrongYear = appendLine(file, "2021,s02-x,procedure,s02,1,架空の手続,1,10,20,,,,,test source,");
        int unknown = appendLine(file, "2020,s99-x,procedure,s99,1,架空の手続,1,10,20,,,,,test source,");

        JobExecution run = run(input, 2020);

        assertThat(findings(run)).filteredOn(f -> f.get("code").equals("key.unknown")
                && f.get("file").equals("eprocedure-figures.csv"))
            .extracting(f -> f.get("line") + " " + f.get("field") + "=" + f.get("value"))
            .containsExactly(wrongYear + " parent_id=s02", unknown + " parent_id=s99");
        // the two rows, and no other, left out: counted as such, and not in the results
        assertThat(count("SELECT rows_left_out FROM run_input_file WHERE run_id = ? AND file_name = 'eprocedure-figures.csv'",
                run.getId())).isEqualTo(2);
        assertThat(readOutput(ReviewFixture.runFolder(run).resolve("eprocedure-utilisation.csv")))
            .noneMatch(r -> r.get("row_id").equals("s99-x")).hasSize(26);
    }

    @Test
    void shouldRejectAnActualOfAnUnknownKpi() throws Exception {
        Path input = copyOfBundledInput(dir);
        int line = appendLine(input.resolve("kpi-actuals.csv"), "chiiki2-k99,2022,,5,final,,test source,");

        JobExecution run = run(input, 2022);

        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("code")).isEqualTo("key.unknown");
            assertThat(f.get("file")).isEqualTo("kpi-actuals.csv");
            assertThat(f.get("line")).isEqualTo(String.valueOf(line));
            assertThat(f.get("value")).isEqualTo("chiiki2-k99");
        });
        assertThat(count("SELECT COUNT(*) FROM in_kpi_actual WHERE run_id = ? AND kpi_id = 'chiiki2-k99' AND excluded",
                run.getId())).isEqualTo(1);
    }

    @Test
    void shouldRejectATruncatedLastLineAndKeepItsText() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path file = input.resolve("eprocedure-figures.csv");
        String text = Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
        Files.writeString(file, text.substring(0, text.lastIndexOf('\n') + 30), StandardCharsets.UTF_8);
        int lastLine = (int) text.lines().count();

        JobExecution run = run(input, 2020);

        assertThat(findings(run)).anySatisfy(f -> {
            assertThat(f.get("file")).isEqualTo("eprocedure-figures.csv");
            assertThat(f.get("line")).isEqualTo(String.valueOf(lastLine));
            assertThat(f.get("message")).contains("列しかない");
            assertThat(f.get("raw_record")).startsWith("2022,s01,system");
        });
    }

    @Test
    void shouldFailCleanlyOnAFileCutInsideAQuotedCell() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path file = input.resolve("kpis.csv");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // the note of dx2026-k09 is a quoted cell: cut the file inside it
        Files.writeString(file, text.substring(0, text.indexOf("\"Table figure kept") + 10), StandardCharsets.UTF_8);

        JobExecution run = run(input, 2020);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(run)).contains("kpis.csv").contains("cut off");
        assertThat(Files.exists(dir.resolve("out/FY2020"))).isFalse();
    }

    @Test
    void shouldFailCleanlyWhenAFileIsMissing() throws Exception {
        Path input = copyOfBundledInput(dir);
        Files.delete(input.resolve("goals.csv"));

        JobExecution run = run(input, 2020);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(run)).contains("missing input file(s) [goals.csv]");
    }

    @Test
    void shouldFailCleanlyWhenARequiredColumnIsMissing() throws Exception {
        Path input = copyOfBundledInput(dir);
        replaceInLine(input.resolve("plans.csv"), 1, "edition", "editon");

        JobExecution run = run(input, 2020);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(run)).contains("plans.csv").contains("line 1").contains("[edition]");
    }

    @Test
    void shouldFailWhenRejectedRowsPassTheThreshold() throws Exception {
        Path input = copyOfBundledInput(dir);
        Path file = input.resolve("kpi-actuals.csv");
        for (int i = 0; i < 101; i++) {
            appendLine(file, "chiiki2-k01,2022,,not a number,final,,test source,");
        }

        JobExecution run = run(input, 2022);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(run)).contains("100");
        assertThat(count("SELECT COUNT(*) FROM run_finding WHERE run_id = ? AND file_name = 'kpi-actuals.csv'",
                run.getId())).isGreaterThanOrEqualTo(100);
    }

    @Test
    void shouldReadCp932FilesAsExcelSavesThemWithTheSameResults() throws Exception {
        Path input = copyOfBundledInput(dir);
        ReviewFixture.reencode(input, CsvInput.CP932, false);

        JobExecution cp932 = run(input, 2020);
        JobExecution utf8 = run(ReviewFixture.BUNDLED_INPUT, 2020);

        assertThat(cp932.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT encoding FROM run_input_file WHERE run_id = ? AND file_name = 'kpis.csv'",
                String.class, cp932.getId())).isEqualTo("CP932");
        assertThat(Files.readAllBytes(ReviewFixture.runFolder(cp932).resolve("eprocedure-utilisation.csv")))
            .isEqualTo(Files.readAllBytes(ReviewFixture.runFolder(utf8).resolve("eprocedure-utilisation.csv")));
    }

    @Test
    void shouldReadUtf8FilesWithABom() throws Exception {
        Path input = copyOfBundledInput(dir);
        ReviewFixture.reencode(input, StandardCharsets.UTF_8, true);

        JobExecution run = run(input, 2020);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(utilisationIds(run)).contains("s01", "s14");
        assertThat(findings(run)).noneMatch(f -> f.get("severity").equals("ERROR"));
    }

    private JobExecution run(Path input, Integer year) throws Exception {
        return jobOperator.start(annualReviewJob, ReviewRun.parameters(input, dir.resolve("out"),
                year == null ? null : FiscalYear.of(year), null));
    }

    private static List<Map<String, String>> findings(JobExecution run) throws Exception {
        return readOutput(ReviewFixture.runFolder(run).resolve("validation-findings.csv"));
    }

    private static List<String> utilisationIds(JobExecution run) throws Exception {
        return readOutput(ReviewFixture.runFolder(run).resolve("eprocedure-utilisation.csv")).stream()
            .map(r -> r.get("row_id"))
            .toList();
    }

    /** Every message of every failure and its causes. */
    private static String failure(JobExecution run) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t : run.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                messages.append(c.getMessage()).append(" | ");
            }
        }
        return messages.toString();
    }

    private long count(String sql, long runId) {
        Long n = jdbc.queryForObject(sql, Long.class, runId);
        return n == null ? 0 : n;
    }

}
