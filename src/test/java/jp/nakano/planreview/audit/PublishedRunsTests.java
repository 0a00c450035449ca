package jp.nakano.planreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedRunsTests {

    @TempDir
    private Path yearDir;

    @Test
    void shouldOrderRunsOfTheSameSecondByExecutionIdNotByText() throws Exception {
        runs("20261122-183130-9", "20261122-183130-10", "20261121-235959-11");

        assertThat(new PublishedRuns(yearDir).runFolders()).extracting(p -> p.getFileName().toString())
            .containsExactly("20261122-183130-10", "20261122-183130-9", "20261121-235959-11");
    }

    /** Two installations sharing an output folder can start runs with the same second and execution id. */
    @Test
    void shouldTellApartRunsOfTheSameSecondAndExecutionIdByTheirToken() throws Exception {
        runs("20261122-183130-0-00a1f3", "20261122-183130-0-9b0c2e", "20261122-183129-0");

        assertThat(new PublishedRuns(yearDir).runFolders()).extracting(p -> p.getFileName().toString())
            .containsExactly("20261122-183130-0-9b0c2e", "20261122-183130-0-00a1f3", "20261122-183129-0");
        assertThat(PublishedRuns.isRunId("20261122-183130-0-9b0c2e")).isTrue();
        assertThat(PublishedRuns.isRunId("20261122-183130-0-9B0C2E")).isFalse();
        assertThat(PublishedRuns.isRunId("20261122-183130-0-9b0c2e-1")).isFalse();
    }

    @Test
    void shouldNameTheRunInLatestWithANewline() throws Exception {
        runs("20261122-183130-7");

        assertThat(new PublishedRuns(yearDir).markLatest("20261122-183130-7")).isTrue();

        assertThat(Files.readString(yearDir.resolve("latest"), StandardCharsets.UTF_8)).isEqualTo("20261122-183130-7\n");
        try (Stream<Path> entries = Files.list(yearDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("latest",
                    "20261122-183130-7");
        }
    }

    @Test
    void shouldKeepLatestOnTheNewerRunWhenAnOlderRunPublishesAfterIt() throws Exception {
        runs("20261122-183130-7", "20261122-190000-8");
        PublishedRuns year = new PublishedRuns(yearDir);
        year.markLatest("20261122-190000-8");

        assertThat(year.markLatest("20261122-183130-7")).isFalse();

        assertThat(year.latest()).contains("20261122-190000-8");
    }

    @Test
    void shouldRemoveTheOldestRunsButNeverLatestNorAWorkingFolder() throws Exception {
        runs("20261120-100000-1", "20261121-100000-2", "20261122-100000-3", ".work-20261123-100000-4");
        Files.createDirectories(yearDir.resolve("notes"));
        PublishedRuns year = new PublishedRuns(yearDir);
        // a person pointed latest back at the oldest run
        Files.writeString(yearDir.resolve("latest"), "20261120-100000-1\n", StandardCharsets.UTF_8);

        List<Path> removed = year.removeOldest(1);

        assertThat(removed).containsExactly(yearDir.resolve("20261121-100000-2"));
        try (Stream<Path> entries = Files.list(yearDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("latest",
                    "20261120-100000-1", "20261122-100000-3", ".work-20261123-100000-4", "notes");
        }
    }

    private void runs(String... names) throws Exception {
        for (String name : names) {
            Files.createDirectories(yearDir.resolve(name));
            Files.writeString(yearDir.resolve(name).resolve("kpi-summary.csv"), name, StandardCharsets.UTF_8);
        }
    }

}
