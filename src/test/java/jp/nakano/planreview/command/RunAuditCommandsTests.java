package jp.nakano.planreview.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import jp.nakano.planreview.audit.ManifestFile;
import jp.nakano.planreview.audit.ReportFingerprint;
import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.common.Checksums;
import jp.nakano.planreview.review.AnnualReviewJobConfiguration;

/**
 * The audit trail of real runs on the bundled data, through the command line: {@code manifest.json},
 * {@code latest}, retention, {@code history} and {@code verify}. Two runs of FY2022 for one plan are shared by
 * the class (a run takes seconds); tests that change a run folder work on a copy.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunAuditCommandsTests {

    private static final String PDF = "review-chiiki2-FY2022.pdf";

    @TempDir
    private static Path shared;

    private static Path older;

    private static Path newer;

    @TempDir
    private Path dir;

    @BeforeAll
    static void runTheReviewTwice() throws Exception {
        assertThat(run("--output=" + shared.resolve("out"), "--fiscal-year=2022", "--plan=chiiki2")).isZero();
        assertThat(run("--output=" + shared.resolve("out"), "--fiscal-year=2022", "--plan=chiiki2", "--force")).isZero();
        List<Path> runs = CommandFixture.runFolders(shared.resolve("out/FY2022")).stream().sorted().toList();
        assertThat(runs).hasSize(2);
        older = runs.get(0);
        newer = runs.get(1);
    }

    @Test
    void shouldDescribeTheRunInItsManifest() throws Exception {
        RunManifest manifest = ManifestFile.read(newer);

        String runId = newer.getFileName().toString();
        assertThat(manifest.job()).isEqualTo("annualReviewJob");
        assertThat(manifest.runId()).isEqualTo(runId);
        // start second, execution id and the run's random token: unique whatever else writes into the folder
        assertThat(runId).matches("\\d{8}-\\d{6}-" + manifest.jobExecutionId() + "-[0-9a-f]{6}")
            .endsWith("-" + manifest.parameters().get("runToken"));
        assertThat(manifest.fiscalYear()).isEqualTo(2022);
        // the one plan asked for, named as plans.csv names it
        assertThat(manifest.plans()).containsExactly(java.util.Map.entry("chiiki2", "第2次中野区地域情報化推進計画"));
        assertThat(manifest.parameters()).containsEntry("plan", "chiiki2").containsEntry("fiscalYear", "2022")
            .containsEntry("input", Path.of("input").toAbsolutePath().toString()).containsKey("requestedAt");
        assertThat(manifest.started()).isBefore(manifest.finished());
        assertThat(manifest.exitStatus()).isEqualTo("COMPLETED");
        assertThat(manifest.softwareVersion()).isEqualTo(projectVersion());
    }

    @Test
    void shouldListEveryOutputFileWithItsSha256() throws Exception {
        RunManifest manifest = ManifestFile.read(newer);

        List<String> files;
        try (Stream<Path> entries = Files.list(newer)) {
            files = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("manifest.json")).sorted()
                .toList();
        }
        assertThat(files).contains(PDF, "review-chiiki2-FY2022.xlsx", "kpi-attainment.csv", "input-files.csv");
        assertThat(manifest.outputFiles()).extracting(RunManifest.OutputFile::path).containsExactlyElementsOf(files);
        for (RunManifest.OutputFile file : manifest.outputFiles()) {
            assertThat(file.sha256()).as(file.path()).isEqualTo(Checksums.sha256(newer.resolve(file.path())));
            assertThat(file.size()).as(file.path()).isEqualTo(Files.size(newer.resolve(file.path())));
        }
    }

    @Test
    void shouldListTheInputFilesWithRowCountsAndTheFindingsBySeverity() throws Exception {
        RunManifest manifest = ManifestFile.read(newer);

        Map<String, Map<String, String>> inputs = readCsv(newer.resolve("input-files.csv")).stream()
            .collect(Collectors.toMap(r -> r.get("file"), Function.identity()));
        assertThat(manifest.inputFiles()).hasSize(AnnualReviewJobConfiguration.inputFileNames().size()).allSatisfy(input -> {
            Map<String, String> row = inputs.get(input.path());
            assertThat(input.sha256()).as(input.path()).isEqualTo(row.get("sha256"))
                .isEqualTo(Checksums.sha256(Path.of("input").resolve(input.path())));
            assertThat(input.size()).isEqualTo(Long.parseLong(row.get("size_bytes")));
            assertThat(input.rowsRead()).isEqualTo(Long.parseLong(row.get("rows_read")));
            assertThat(input.rowsLoaded()).isEqualTo(input.rowsRead());
            assertThat(input.rowsRejected()).isZero();
        });
        assertThat(manifest.inputFiles()).filteredOn(f -> f.path().equals("eprocedure-figures.csv")).singleElement()
            .satisfies(f -> assertThat(f.rowsRead()).isEqualTo(33));
        Map<String, Long> bySeverity = readCsv(newer.resolve("validation-findings.csv")).stream()
            .collect(Collectors.groupingBy(r -> r.get("severity"), Collectors.counting()));
        assertThat(manifest.findings()).isEqualTo(new RunManifest.FindingCounts(bySeverity.getOrDefault("ERROR", 0L),
                bySeverity.getOrDefault("WARNING", 0L), bySeverity.getOrDefault("INFO", 0L)));
    }

    @Test
    void shouldRecordEveryStepBeforePublishingWithItsCountsInOrder() throws Exception {
        RunManifest manifest = ManifestFile.read(newer);

        assertThat(manifest.steps()).extracting(RunManifest.Step::name)
            .startsWith("prepareRunStep", "readWorkbooksStep", "loadPlansStep")
            .endsWith("exportResultsStep", "renderReportsStep")
            .doesNotContain("publishRunStep");
        assertThat(manifest.steps()).allSatisfy(step -> {
            assertThat(step.status()).isEqualTo("COMPLETED");
            assertThat(step.finished()).isAfterOrEqualTo(step.started());
            assertThat(step.started()).isAfterOrEqualTo(manifest.started());
        });
        assertThat(manifest.steps()).filteredOn(s -> s.name().equals("loadEprocedureFiguresStep")).singleElement()
            .satisfies(step -> {
                assertThat(step.read()).isEqualTo(33);
                assertThat(step.written()).isEqualTo(33);
                assertThat(step.skipped()).isZero();
                assertThat(step.commits()).isPositive();
            });
    }

    @Test
    void shouldNameTheNewerRunInLatest() throws Exception {
        assertThat(Files.readString(shared.resolve("out/FY2022/latest"), StandardCharsets.UTF_8))
            .isEqualTo(newer.getFileName() + "\n");
    }

    @Test
    void shouldListBothRunsNewestFirstWithStatusFindingsAndFolder(CapturedOutput output) {
        assertThat(run("history", "--fiscal-year=R4")).isZero();

        String out = output.getOut();
        assertThat(out).containsPattern("run id +year +started +duration +status +errors +warnings +notes +outputs");
        String table = out.substring(out.lastIndexOf("run id "));
        String newerLine = lineWith(table, newer.getFileName().toString());
        String olderLine = lineWith(table, older.getFileName().toString());
        assertThat(table.indexOf(newerLine)).isLessThan(table.indexOf(olderLine));
        assertThat(newerLine).containsPattern(" FY2022 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\d+\\.\\d s +COMPLETED +0 ")
            .contains(newer.toString()).endsWith("[latest]");
        assertThat(olderLine).contains("COMPLETED").contains(older.toString()).doesNotContain("[latest]");
    }

    @Test
    void shouldExitZeroWhenEveryFileMatchesTheManifest() throws Exception {
        Path copy = copyOf(newer);
        StringBuilder out = new StringBuilder();

        assertThat(verify(out, copy.toString(), "--input=input")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).startsWith("OK: run " + newer.getFileName() + " (FY2022), all 29 file(s) match");
    }

    @Test
    void shouldExitFourWhenOneByteOfThePublishedPdfChanged() throws Exception {
        Path copy = copyOf(newer);
        Path pdf = copy.resolve(PDF);
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(pdf, bytes);
        StringBuilder out = new StringBuilder();

        assertThat(verify(out, copy.toString())).isEqualTo(ExitCodes.VERIFY_MISMATCH);

        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString()).startsWith("CHANGED  " + PDF + ": SHA-256 " + Checksums.sha256(pdf))
            .contains("MISMATCH: run " + newer.getFileName() + " (FY2022), 17 file(s) checked: 1 changed, 0 missing, 0 added");
    }

    @Test
    void shouldCarryTheRunsOwnInputFingerprintInEachReport() throws Exception {
        RunManifest manifest = ManifestFile.read(newer);
        String fingerprint = ReportFingerprint.of(manifest);

        assertThat(ReportFingerprint.read(newer.resolve(PDF))).contains(fingerprint);
        assertThat(ReportFingerprint.read(newer.resolve("review-chiiki2-FY2022.xlsx"))).contains(fingerprint);
        // the cover prints the same value a reader compares by eye
        assertThat(ReportFingerprint.mismatches(newer, ManifestFile.files(newer), fingerprint, true)).isEmpty();
    }

    /**
     * Two installations writing into one output folder once published a folder whose manifest named one run's
     * inputs while its reports came from the other run, and verify said OK: the manifest listed the bytes.
     */
    @Test
    void shouldExitFourWhenTheReportsWereMadeFromOtherInputsThanTheManifestNames() throws Exception {
        Path copy = copyOf(newer);
        RunManifest own = ManifestFile.read(copy);
        List<RunManifest.InputFile> otherInputs = own.inputFiles().stream()
            .map(f -> f.path().equals("kpi-actuals.csv") ? new RunManifest.InputFile(f.path(), f.encoding(), f.size(),
                    f.rowsRead(), f.rowsLoaded(), f.rowsRejected(), f.rowsLeftOut(), f.rowsBlank(), Checksums.sha256("another installation's figures"))
                    : f)
            .toList();
        RunManifest mixed = new RunManifest(own.manifestVersion(), own.job(), own.runId(), own.jobExecutionId(),
                own.fiscalYear(), own.plans(), own.parameters(), own.started(), own.finished(), own.exitStatus(),
                own.softwareVersion(), own.findings(), own.steps(), otherInputs, List.of(), own.workbooks());
        ManifestFile.write(copy, mixed); // from the files actually in the folder, as the run writes it
        StringBuilder out = new StringBuilder();

        assertThat(verify(out, copy.toString())).isEqualTo(ExitCodes.VERIFY_MISMATCH);

        assertThat(out.toString()).contains("CHANGED  " + PDF + ": made from other inputs (input fingerprint "
                + ReportFingerprint.of(own) + "); this run's inputs give " + ReportFingerprint.of(mixed))
            .contains("CHANGED  review-chiiki2-FY2022.xlsx: made from other inputs")
            .contains("2 changed, 0 missing, 0 added");
        // and the run itself refuses to publish such a folder
        assertThat(ReportFingerprint.mismatches(copy, ManifestFile.files(copy), ReportFingerprint.of(mixed), true))
            .hasSize(2);
    }

    @Test
    void shouldExitFourWhenAFileWasAddedOrRemoved() throws Exception {
        Path copy = copyOf(newer);
        Files.writeString(copy.resolve("notes.txt"), "checked by hand", StandardCharsets.UTF_8);
        Files.delete(copy.resolve("kpi-series.csv"));
        StringBuilder out = new StringBuilder();

        assertThat(verify(out, copy.toString())).isEqualTo(ExitCodes.VERIFY_MISMATCH);

        assertThat(out.toString()).contains("MISSING  kpi-series.csv: listed in the manifest, not found")
            .contains("ADDED    notes.txt: in the folder, not in the manifest")
            .contains("0 changed, 1 missing, 1 added");
    }

    @Test
    void shouldExitTwoForAFolderWithoutManifest() {
        StringBuilder out = new StringBuilder();

        assertThat(verify(out, shared.resolve("out/FY2022").toString())).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(out.toString()).contains("manifest.json: no manifest");
    }

    @Test
    void shouldExitTwoWhenTheRunFolderIsNotGiven() {
        StringBuilder out = new StringBuilder();

        assertThat(verify(out)).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(out.toString()).contains("verify needs the run folder").contains("usage:");
    }

    @Test
    void shouldVerifyThroughTheApplicationToo(CapturedOutput output) {
        assertThat(run("verify", newer.toString())).isEqualTo(ExitCodes.OK);

        assertThat(output).contains("OK: run " + newer.getFileName());
    }

    @Test
    void shouldKeepOnlyTheNewestRunsOfTheYearButNeverAWorkingFolder() throws Exception {
        Path yearDir = Files.createDirectories(dir.resolve("out/FY2022"));
        copyTree(older, yearDir.resolve(older.getFileName()));
        copyTree(newer, yearDir.resolve(newer.getFileName()));
        Path working = Files.createDirectories(yearDir.resolve(".work-29991231-235959-999"));

        assertThat(run("--output=" + dir.resolve("out"), "--fiscal-year=2022", "--plan=chiiki2",
                "--plan-review.retention.keep-runs-per-year=1")).isZero();

        List<Path> runs = CommandFixture.runFolders(yearDir).stream()
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .toList();
        assertThat(runs).hasSize(1);
        assertThat(Files.readString(yearDir.resolve("latest"), StandardCharsets.UTF_8))
            .isEqualTo(runs.get(0).getFileName() + "\n");
        assertThat(working).isDirectory();
    }

    private static String lineWith(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).findFirst().orElseThrow(
                () -> new AssertionError("no line with " + part + " in:\n" + text));
    }

    /** Runs verify as {@code main} does, without Spring; stdout and stderr both go to {@code out}. */
    private static int verify(StringBuilder out, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String[] all = Stream.concat(Stream.of("verify"), Stream.of(args)).toArray(String[]::new);
        int exit = VerifyCommand.execute(new DefaultApplicationArguments(all), stream, stream);
        out.append(bytes.toString(StandardCharsets.UTF_8));
        return exit;
    }

    private Path copyOf(Path runFolder) throws IOException {
        Path copy = dir.resolve(runFolder.getFileName());
        copyTree(runFolder, copy);
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }


    /** The version the build wrote into build-info, which the manifest must name. */
    private static String projectVersion() throws IOException {
        Properties info = new Properties();
        try (InputStream in = RunAuditCommandsTests.class.getResourceAsStream("/META-INF/build-info.properties")) {
            assertThat(in).as("META-INF/build-info.properties written by the build").isNotNull();
            info.load(in);
        }
        return info.getProperty("build.version");
    }

    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.read(); // the BOM
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                return parser.stream().map(CSVRecord::toMap).toList();
            }
        }
    }

    private static int run(String... args) {
        return CommandFixture.run(shared, args);
    }

}
