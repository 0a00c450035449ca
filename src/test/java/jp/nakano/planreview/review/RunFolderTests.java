package jp.nakano.planreview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;

import jp.nakano.planreview.audit.PublishedRuns;
import jp.nakano.planreview.common.FiscalYear;

/** Run ids and working folders when two installations (two databases) write into one output folder. */
class RunFolderTests {

    @TempDir
    private Path output;

    @Test
    void shouldGiveRunsOfTheSameSecondAndExecutionIdDifferentIds() {
        Set<String> names = new HashSet<>();
        LocalDateTime second = LocalDateTime.of(2026, 11, 22, 18, 31, 30);
        for (int installation = 0; installation < 50; installation++) {
            JobExecution execution = new JobExecution(0L, new JobInstance(0L, "annualReviewJob"),
                    ReviewRun.parameters(Path.of("input"), output, FiscalYear.of(2022), null));
            execution.setCreateTime(second);
            String name = ReviewRun.runName(execution);
            assertThat(name).matches("20261122-183130-0-[0-9a-f]{6}");
            assertThat(PublishedRuns.isRunId(name)).isTrue();
            names.add(name);
        }
        assertThat(names).hasSize(50);
    }

    @Test
    void shouldNeverWriteIntoAWorkingFolderThatExistsAlready() throws Exception {
        Path other = RunFolder.claim(output, "20261122-183130-0-00a1f3");
        Files.writeString(other.resolve("review-chiiki2-FY2022.pdf"), "the other run's report", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RunFolder.claim(output, "20261122-183130-0-00a1f3"))
            .isInstanceOf(FileAlreadyExistsException.class);

        assertThat(Files.readString(other.resolve("review-chiiki2-FY2022.pdf"))).isEqualTo("the other run's report");
    }

    @Test
    void shouldRefuseToPublishFromAWorkingFolderItDidNotCreate() {
        assertThatThrownBy(() -> RunFolder.create(output, FiscalYear.of(2022), "20261122-183130-0-00a1f3"))
            .hasMessageContaining(".work-20261122-183130-0-00a1f3").hasMessageContaining("is gone");
    }

}
