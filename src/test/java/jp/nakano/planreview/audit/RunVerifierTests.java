package jp.nakano.planreview.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.nakano.planreview.audit.RunVerifier.Discrepancy;
import jp.nakano.planreview.audit.RunVerifier.Verification;

class RunVerifierTests {

    @TempDir
    private Path dir;

    private final RunVerifier verifier = new RunVerifier();

    @Test
    void shouldMatchAnUntouchedRunFolder() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);

        Verification result = verifier.verify(folder, null);

        assertThat(result.matches()).isTrue();
        assertThat(result.checked()).isEqualTo(3);
    }

    @Test
    void shouldReportAFileWithTheSameSizeButOneByteChanged() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);
        Path pdf = folder.resolve("review-chiiki2-FY2022.pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[5] ^= 1;
        Files.write(pdf, bytes);

        Verification result = verifier.verify(folder, null);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Discrepancy.Kind.CHANGED);
            assertThat(p.file()).isEqualTo("review-chiiki2-FY2022.pdf");
            assertThat(p.detail()).contains("8 bytes");
        });
    }

    @Test
    void shouldReportAFileAddedInASubFolderAndAFileRemoved() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);
        Files.writeString(folder.resolve("charts/extra.png"), "x", StandardCharsets.UTF_8);
        Files.delete(folder.resolve("kpi-summary.csv"));

        Verification result = verifier.verify(folder, null);

        assertThat(result.problems()).containsExactly(
                new Discrepancy(Discrepancy.Kind.MISSING, "kpi-summary.csv", "listed in the manifest, not found"),
                new Discrepancy(Discrepancy.Kind.ADDED, "charts/extra.png", "in the folder, not in the manifest (1 bytes)"));
    }

    @Test
    void shouldCheckTheInputFilesOnlyWhenGivenTheirFolder() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("plans.csv"), "abc", StandardCharsets.US_ASCII);

        assertThat(verifier.verify(folder, input).matches()).isTrue();

        Files.writeString(input.resolve("plans.csv"), "abd", StandardCharsets.US_ASCII);
        assertThat(verifier.verify(folder, null).matches()).isTrue();
        assertThat(verifier.verify(folder, input).problems()).singleElement()
            .satisfies(p -> assertThat(p.file()).isEqualTo(input.resolve("plans.csv").toString()))
            .satisfies(p -> assertThat(p.kind()).isEqualTo(Discrepancy.Kind.CHANGED));
    }

    @Test
    void shouldRefuseAFolderWithoutManifest() throws Exception {
        Path folder = AuditFixture.publishedRun(dir);
        Files.delete(folder.resolve("manifest.json"));

        assertThatThrownBy(() -> verifier.verify(folder, null)).isInstanceOf(ManifestException.class);
    }

}
