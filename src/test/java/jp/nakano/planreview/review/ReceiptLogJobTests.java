package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.copyOfBundledInput;
import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.nakano.planreview.common.Checksums;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvInput;

/**
 * Runs {@code annualReviewJob} on the bundled data plus SAMPLE receipt logs for FY2021 (invented rows: the
 * ward publishes no logs), a plain UTF-8 file and a gzip-compressed CP932 one. FY2021's table enters
 * 電子受付件数 275 for s01-new4 and 774 for s01-new3, and no 全受付件数.
 */
@SpringBootTest
class ReceiptLogJobTests {

    /** Writes the sample logs: s01-new4 275 online (200 + 75) and 25 at the counter, s01-new3 770 online, two bad rows. */
    static Path inputWithLogs(Path dir) throws IOException {
        Path input = copyOfBundledInput(dir);
        StringBuilder a = new StringBuilder("received_on,procedure_id,channel\n");
        LocalDate first = FiscalYear.of(2021).firstDay();
        for (int i = 0; i < 200; i++) {
            a.append(first.plusDays(i % 365)).append(",s01-new4,online\n");
        }
        for (int i = 0; i < 25; i++) {
            a.append(first.plusDays(i)).append(",s01-new4,counter\n");
        }
        a.append("2021-05-01,s02,online\n"); // line 227: s02 is no row of FY2021
        for (int i = 0; i < 770; i++) {
            a.append(first.plusDays(i % 365)).append(",s01-new3,online\n");
        }
        a.append("2022-04-01,s01-new3,online\n"); // line 998: FY2022
        write(input.resolve("receipts/FY2021/sample-a.csv"), a.toString(), StandardCharsets.UTF_8, false);
        StringBuilder b = new StringBuilder("受付番号,received_on,procedure_id,channel,備考\n");
        for (int i = 0; i < 75; i++) {
            b.append(i).append(',').append(first.plusDays(300 + i % 65)).append(",s01-new4,online,\"電子申請, 自動受付\"\n");
        }
        write(input.resolve("receipts/FY2021/sample-b.csv.gz"), b.toString(), CsvInput.CP932, true);
        return input;
    }

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @TempDir
    private Path dir;

    @Test
    void shouldCountTheLogsReconcileAndReportTheBadRowsByFileAndLine() throws Exception {
        JobExecution run = jobOperator.start(annualReviewJob, ReviewRun.parameters(inputWithLogs(dir),
                dir.resolve("out"), FiscalYear.of(2021), null));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path folder = ReviewFixture.runFolder(run);
        List<Map<String, String>> counts = readOutput(folder.resolve("receipt-counts.csv"));
        Map<String, String> ward = counts.get(0);
        assertThat(ward).containsEntry("scope", "ward").containsEntry("month", "")
            .containsEntry("online_receipts", "1045").containsEntry("counter_receipts", "25")
            .containsEntry("total_receipts", "1070");
        assertThat(row(counts, "system", "s01", "")).containsEntry("online_receipts", "1045")
            .containsEntry("entered_online_receipts", "16982");
        assertThat(row(counts, "procedure", "s01-new4", "")).containsEntry("online_receipts", "275")
            .containsEntry("total_receipts", "300").containsEntry("entered_online_receipts", "275")
            .containsEntry("entered_total_receipts", "");
        // March 2022 is days 334..364 of the year: none of the plain file's s01-new4 rows, 31 of the gzip file's
        assertThat(row(counts, "procedure", "s01-new4", "2022-03")).containsEntry("online_receipts", "31");
        assertThat(counts.stream().filter(r -> r.get("scope").equals("ward") && !r.get("month").isEmpty())
            .mapToLong(r -> Long.parseLong(r.get("total_receipts"))).sum()).isEqualTo(1070);

        List<Map<String, String>> findings = readOutput(folder.resolve("validation-findings.csv"));
        assertThat(finding(findings, "receipts.reconcile-mismatch")).containsEntry("field", "online_receipts")
            .containsEntry("value", "774").containsEntry("line", "31")
            .containsEntry("message", "s01-new3「認可保育所等現況届の提出」の電子受付件数（令和3年度 (FY2021)）: "
                    + "受付ログの集計 770 件、入力値 774 件、差 -4 件（集計 − 入力値）。審査は入力値を使う");
        assertThat(finding(findings, "receipts.unknown-procedure")).containsEntry("severity", "ERROR")
            .containsEntry("file", "receipts/FY2021/sample-a.csv").containsEntry("line", "227")
            .containsEntry("value", "s02").containsEntry("raw_record", "2021-05-01,s02,online");
        assertThat(finding(findings, "receipts.date-outside-year")).containsEntry("line", "998")
            .containsEntry("message", "受付日がフォルダの年度の外: 1 行を数えなかった（行 998）");
        assertThat(findings).noneMatch(f -> f.get("code").equals("receipts.reconcile-mismatch")
                && f.get("message").startsWith("s01-new4"));
        // the logs are inputs of the run like the others, with their SHA-256
        Map<String, String> gzip = readOutput(folder.resolve("input-files.csv")).stream()
            .filter(r -> r.get("file").equals("receipts/FY2021/sample-b.csv.gz")).findFirst().orElseThrow();
        assertThat(gzip).containsEntry("encoding", "CP932 gzip").containsEntry("rows_read", "75")
            .containsEntry("rows_loaded", "75").containsEntry("rows_rejected", "0")
            .containsEntry("sha256", Checksums.sha256(dir.resolve("input/receipts/FY2021/sample-b.csv.gz")));
        // the review keeps the entered figure
        Map<String, String> utilisation = readOutput(folder.resolve("eprocedure-utilisation.csv")).stream()
            .filter(r -> r.get("row_id").equals("s01-new3")).findFirst().orElseThrow();
        assertThat(utilisation).containsEntry("online_receipts", "774");
    }

    static Map<String, String> row(List<Map<String, String>> counts, String scope, String id, String month) {
        return counts.stream()
            .filter(r -> r.get("scope").equals(scope) && r.get("row_id").equals(id) && r.get("month").equals(month))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + scope + " " + id + " " + month + " in " + counts));
    }

    static Map<String, String> finding(List<Map<String, String>> findings, String code) {
        return findings.stream().filter(f -> f.get("code").equals(code)).findFirst()
            .orElseThrow(() -> new AssertionError("no finding " + code + " in " + findings));
    }

    private static void write(Path file, String content, Charset charset, boolean gzip) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file); OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            out.write(content.getBytes(charset));
        }
    }

}
