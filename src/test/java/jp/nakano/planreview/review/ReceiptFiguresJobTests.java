package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.nakano.planreview.common.FiscalYear;

/** With {@code plan-review.receipts.figures=receipts} the counts from the logs replace the entered figures. */
@SpringBootTest(properties = "plan-review.receipts.figures=receipts")
class ReceiptFiguresJobTests {

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @TempDir
    private Path dir;

    @Test
    void shouldPutTheCountsInPlaceOfTheEnteredFigures() throws Exception {
        Path input = ReceiptLogJobTests.inputWithLogs(dir);
        // FY2021's s01 given 6,000 電子受付件数, below what the rows under it add up to: 6,363 counted (4,450 + 868
        // + 770 + 275), 6,367 entered (774 in place of 770)
        Path figures = input.resolve("eprocedure-figures.csv");
        String entered = Files.readString(figures);
        String changed = entered.replace("2021,s01,system,,1,東京電子自治体共同運営電子申請サービス,,16982,",
                "2021,s01,system,,1,東京電子自治体共同運営電子申請サービス,,6000,");
        assertThat(changed).isNotEqualTo(entered);
        Files.writeString(figures, changed);

        JobExecution run = jobOperator.start(annualReviewJob, ReviewRun.parameters(input, dir.resolve("out"),
                FiscalYear.of(2021), null));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path folder = ReviewFixture.runFolder(run);
        Map<String, String> utilisation = readOutput(folder.resolve("eprocedure-utilisation.csv")).stream()
            .filter(r -> r.get("row_id").equals("s01-new4")).findFirst().orElseThrow();
        assertThat(utilisation).containsEntry("online_receipts", "275").containsEntry("total_receipts", "300")
            .containsEntry("utilisation_rate_percent", "91.67");
        assertThat(ReceiptLogJobTests.finding(readOutput(folder.resolve("validation-findings.csv")), "receipts.reconcile-mismatch"))
            .extractingByKey("message").asString().endsWith("審査は集計値を使う");
        // the sub-row check reads the rows in columns: it sees the counts put in place, not the entered figures
        assertThat(ReceiptLogJobTests.finding(readOutput(folder.resolve("validation-findings.csv")), "eprocedure.breakdown-exceeds"))
            .extractingByKey("message").asString().contains("電子受付件数の合計 6,363 がシステム行の 6,000 を超える");
    }

}
