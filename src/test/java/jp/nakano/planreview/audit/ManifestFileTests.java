package jp.nakano.planreview.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFileTests {

    /** SHA-256 of the three bytes {@code png}. */
    private static final String PNG_SHA256 = "8f8cbb7dcf46e0bc7d53265749a6c17d116093a6ba95e442764060c76fd4a86c";

    @TempDir
    private Path dir;

    @Test
    void shouldListEveryFileButItselfSortedByPathWithSizeAndSha256() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);

        RunManifest manifest = ManifestFile.read(folder);

        assertThat(manifest.outputFiles()).extracting(RunManifest.OutputFile::path)
            .containsExactly("charts/k01.png", "kpi-summary.csv", "review-chiiki2-FY2022.pdf");
        assertThat(manifest.outputFiles().get(0)).isEqualTo(new RunManifest.OutputFile("charts/k01.png", 3, PNG_SHA256));
        assertThat(manifest.outputFiles().get(1).size()).isEqualTo(10);
        assertThat(manifest).isEqualTo(AuditFixture.run("20261122-183130-7").withOutputFiles(manifest.outputFiles()));
    }

    @Test
    void shouldWriteKeysInTheDocumentedOrderPrettyPrintedWithAFinalNewline() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);

        String json = Files.readString(folder.resolve("manifest.json"), StandardCharsets.UTF_8);

        assertThat(json).startsWith("""
                {
                  "manifestVersion": 1,
                  "job": "annualReviewJob",
                  "runId": "20261122-183130-7",
                  "jobExecutionId": 7,
                  "fiscalYear": 2022,
                  "plans": {
                    "chiiki2": "第2次中野区地域情報化推進計画"
                  },
                  "parameters": {
                    "fiscalYear": "2022",
                    "input": "/data/input",
                    "plan": ""
                  },
                  "started": "2026-11-22T18:31:30+09:00",
                  "finished": "2026-11-22T18:31:42+09:00",
                  "exitStatus": "COMPLETED",
                  "softwareVersion": "1.2.3",
                  "findings": {
                    "error": 0,
                    "warning": 5,
                    "info": 1
                  },
                  "steps": [
                    {
                      "name": "loadPlansStep",
                      "status": "COMPLETED",
                      "read": 2,
                      "written": 1,
                      "skipped": 1,
                      "commits": 1,
                      "started": "2026-11-22T18:31:31+09:00",
                      "finished": "2026-11-22T18:31:32+09:00"
                    }
                  ],
                  "inputFiles": [
                    {
                      "path": "plans.csv",
                """);
        assertThat(json).contains("""
                  "outputFiles": [
                    {
                      "path": "charts/k01.png",
                      "size": 3,
                      "sha256": "%s"
                    },
                """.formatted(PNG_SHA256)).endsWith("  ],\n  \"workbooks\": [ ]\n}\n").doesNotContain("\r");
    }

    @Test
    void shouldWriteTheSameBytesForTheSameRun() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);
        byte[] first = Files.readAllBytes(folder.resolve("manifest.json"));

        ManifestFile.write(folder, AuditFixture.run("20261122-183130-7"));

        assertThat(Files.readAllBytes(folder.resolve("manifest.json"))).isEqualTo(first);
    }

    @Test
    void shouldReadAManifestWrittenBeforeStepsWereRecordedAsHavingNoSteps() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);
        Path file = folder.resolve("manifest.json");
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, json.replaceAll("(?s)  \"steps\": \\[.*?\n  \\],\n", ""), StandardCharsets.UTF_8);

        RunManifest manifest = ManifestFile.read(folder);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("steps");
        assertThat(manifest.steps()).isEmpty();
        assertThat(manifest.inputFiles()).hasSize(1);
    }

    @Test
    void shouldNameTheFileWhenThereIsNoManifest() {
        assertThatThrownBy(() -> ManifestFile.read(dir)).isInstanceOf(ManifestException.class)
            .hasMessageContaining(dir.resolve("manifest.json").toString())
            .hasMessageContaining("no manifest");
    }

    @Test
    void shouldRefuseAManifestThatIsNotJson() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{ \"runId\": ", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ManifestFile.read(dir)).isInstanceOf(ManifestException.class)
            .hasMessageContaining("is not a valid manifest");
    }

    @Test
    void shouldRefuseAManifestOfANewerFormat() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{ \"manifestVersion\": 2, \"runId\": \"x\" }",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ManifestFile.read(dir)).isInstanceOf(ManifestException.class)
            .hasMessageContaining("format version 2");
    }

}
