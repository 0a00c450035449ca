package jp.nakano.planreview.review;

import static jp.nakano.planreview.review.ReviewFixture.readOutput;
import static org.assertj.core.api.Assertions.assertThat;

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
        JobExecution run = jobOperator.start(annualReviewJob, ReviewRun.parameters(ReceiptLogJobTests.inputWithLogs(dir),
                dir.resolve("out"), FiscalYear.of(2021), null));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path folder = ReviewFixture.runFolder(run);
        Map<String, String> utilisation = readOutput(folder.resolve("eprocedure-utilisation.csv")).stream()
            .filter(r -> r.get("row_id").equals("s01-new4")).findFirst().orElseThrow();
        assertThat(utilisation).containsEntry("online_receipts", "275").containsEntry("total_receipts", "300")
            .containsEntry("utilisation_rate_percent", "91.67");
        assertThat(ReceiptLogJobTests.finding(readOutput(folder.resolve("validation-findings.csv")), "receipts.reconcile-mismatch"))
            .extractingByKey("message").asString().endsWith("審査は集計値を使う");
    }

}
