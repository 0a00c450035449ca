package jp.nakano.planreview.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A small run folder with a manifest, for the tests that do not need the job. */
final class AuditFixture {

    static final OffsetDateTime STARTED = OffsetDateTime.of(2026, 11, 22, 18, 31, 30, 0, ZoneOffset.ofHours(9));

    private AuditFixture() {
    }

    /** A run's manifest before its output files are listed. */
    static RunManifest run(String runId) {
        return new RunManifest(RunManifest.VERSION, "annualReviewJob", runId, 7, 2022,
                Map.of("chiiki2", "第2次中野区地域情報化推進計画"), Map.of("plan", "", "fiscalYear", "2022", "input", "/data/input"), STARTED, STARTED.plusSeconds(12),
                "COMPLETED", "1.2.3", new RunManifest.FindingCounts(0, 5, 1),
                List.of(new RunManifest.Step("loadPlansStep", "COMPLETED", 2, 1, 1, 1, STARTED.plusSeconds(1),
                        STARTED.plusSeconds(2))),
                List.of(new RunManifest.InputFile("plans.csv", "UTF-8", 3, 1L, 1L, 0L, 0L, 0L,
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")),
                List.of(), List.of());
    }

    /** A run folder with three files, one in a sub-folder, and its manifest. */
    static Path publishedRun(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("FY2022/20261122-183130-7"));
        Files.writeString(folder.resolve("kpi-summary.csv"), "a,b\r\n1,2\r\n", StandardCharsets.UTF_8);
        Files.write(folder.resolve("review-chiiki2-FY2022.pdf"), new byte[] { '%', 'P', 'D', 'F', '-', '1', '.', '4' });
        Files.createDirectories(folder.resolve("charts"));
        Files.writeString(folder.resolve("charts/k01.png"), "png", StandardCharsets.UTF_8);
        ManifestFile.write(folder, run("20261122-183130-7"));
        return folder;
    }

}
