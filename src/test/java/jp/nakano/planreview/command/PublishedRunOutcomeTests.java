package jp.nakano.planreview.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A run that fails after its folder was published: the folder, complete with its manifest, is the run's result.
 * History, {@code latest} and the folder must tell one story, and what the failure left behind is cleaned.
 */
@ExtendWith(OutputCaptureExtension.class)
class PublishedRunOutcomeTests {

    @TempDir
    private Path home;

    @Test
    void shouldRecordARunWhoseLatestCouldNotBeWrittenAsCompletedAndLeaveNoTemporaryFile(CapturedOutput output)
            throws Exception {
        Path year = Files.createDirectories(home.resolve("out/FY2022"));
        // latest cannot be replaced: a folder of that name, with something in it
        Files.writeString(Files.createDirectories(year.resolve("latest")).resolve("note.txt"), "in the way");

        int exit = CommandFixture.run(home, "--output=" + home.resolve("out"), "--fiscal-year=2022", "--plan=chiiki2");

        assertThat(exit).as(output.getOut()).isZero();
        List<Path> runs = CommandFixture.runFolders(year).stream().filter(p -> !p.endsWith("latest")).toList();
        assertThat(runs).hasSize(1);
        String runId = runs.get(0).getFileName().toString();
        assertThat(output.getOut()).contains("Run " + runId + " is published but " + year.resolve("latest")
                + " was not updated").contains("annualReviewJob FY2022 COMPLETED");
        assertThat(entries(year)).containsExactlyInAnyOrder(runId, "latest");

        assertThat(CommandFixture.run(home, "history")).isZero();
        String line = output.getOut().lines().filter(l -> l.startsWith(runId)).reduce((a, b) -> b).orElseThrow();
        assertThat(line).contains(" COMPLETED ").contains(runs.get(0).toString());
    }

    @Test
    void shouldRemoveTheTemporaryFilesAKilledRunLeftInTheYearFolder(CapturedOutput output) throws Exception {
        Path year = Files.createDirectories(home.resolve("out/FY2022"));
        Path staleLatest = year.resolve(".latest-20261122-183130-7-3fa91c");
        Files.writeString(staleLatest, "20261122-183130-7-3fa91c\n", StandardCharsets.UTF_8);
        Path halfRemoved = Files.createDirectories(year.resolve(".removing-20261101-100000-1"));
        Files.writeString(halfRemoved.resolve("kpi-summary.csv"), "a,b\r\n");
        FileTime old = FileTime.from(Instant.now().minus(10, ChronoUnit.MINUTES));
        Files.setLastModifiedTime(staleLatest, old);
        Files.setLastModifiedTime(halfRemoved, old);
        // one being written this very moment by another installation's run stays
        Path fresh = year.resolve(".latest-20261122-183131-1-0b0b0b");
        Files.writeString(fresh, "20261122-183131-1-0b0b0b\n", StandardCharsets.UTF_8);

        assertThat(CommandFixture.run(home, "--output=" + home.resolve("out"), "--fiscal-year=2022", "--plan=chiiki2"))
            .isZero();

        assertThat(staleLatest).doesNotExist();
        assertThat(halfRemoved).doesNotExist();
        assertThat(fresh).exists();
        assertThat(output.getOut()).contains("Removed " + staleLatest + ", left by a run that ended while writing it");
    }

    private static List<String> entries(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

}
