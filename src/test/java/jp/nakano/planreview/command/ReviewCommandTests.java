package jp.nakano.planreview.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import jp.nakano.planreview.PlanReviewApplication;

/**
 * Runs the application as the scheduler does, with command-line arguments and a file database, and
 * checks the exit code and what the operator reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReviewCommandTests {

    @TempDir
    private Path dir;

    @Test
    void shouldExitZeroAndPublishTheResultsOnTheBundledData(CapturedOutput output) throws Exception {
        int exit = run("--input=input", "--output=" + dir.resolve("out"), "--fiscal-year=令和2年度");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<Path> folders = runFolders(dir.resolve("out/FY2020"));
        assertThat(folders).hasSize(1);
        assertThat(folders.get(0).resolve("eprocedure-utilisation.csv")).exists();
        assertThat(folders.get(0).resolve("validation-findings.csv")).exists();
        assertThat(folders.get(0).resolve("manifest.json")).exists();
        assertThat(output.getOut()).containsPattern(
                "loadEprocedureFiguresStep +eprocedure-figures.csv +read +33, loaded +33, rejected +0 ");
        assertThat(output).contains("annualReviewJob FY2020 COMPLETED").contains("0 error(s)");
        assertThat(output).doesNotContain("Exception");
    }

    @Test
    void shouldRunTheSameYearAgainOnTheSameDatabase() throws Exception {
        assertThat(run("--input=input", "--output=" + dir.resolve("out"), "--fiscal-year=2022")).isZero();
        // the same inputs again: without --force the nightly check would say "unchanged" and publish nothing
        assertThat(run("--input=input", "--output=" + dir.resolve("out"), "--fiscal-year=2022", "--force")).isZero();
        assertThat(runFolders(dir.resolve("out/FY2022"))).hasSize(2);
    }

    @Test
    void shouldExitTwoWithAUsageMessageForAnUnknownOption(CapturedOutput output) {
        assertThat(run("--inptu=input")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("unknown option --inptu").contains("usage:");
    }

    @Test
    void shouldExitTwoWithAUsageMessageForAnUnknownCommand(CapturedOutput output) {
        assertThat(run("histroy")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("unknown command 'histroy'").contains("usage:");
    }

    @Test
    void shouldExitTwoForAnOptionTheCommandDoesNotTake(CapturedOutput output) {
        assertThat(run("history", "--plan=chiiki2")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("unknown option --plan for history");
    }

    @Test
    void shouldExitTwoForAMissingInputFolder(CapturedOutput output) {
        assertThat(run("--input=" + dir.resolve("nowhere"))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("nowhere").contains("does not exist");
    }

    @Test
    void shouldExitTwoForAFiscalYearItCannotRead(CapturedOutput output) {
        assertThat(run("--fiscal-year=next")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("'next' is not a fiscal year");
    }

    @Test
    void shouldExitTwoForAnUnknownPlanAndNameTheKnownOnes(CapturedOutput output) {
        assertThat(run("--output=" + dir.resolve("out"), "--plan=chiiki3")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("unknown plan 'chiiki3'").contains("chiiki2").contains("dx2026");
        assertThat(dir.resolve("out/FY2022")).doesNotExist();
    }

    @Test
    void shouldExitTwoButStillPublishWhenRowsWereRejected(CapturedOutput output) throws Exception {
        Path input = copyOfBundledInput();
        Files.writeString(input.resolve("kpi-actuals.csv"), "chiiki2-k01,2022,,sixty,final,,test,\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("COMPLETED_WITH_ERRORS").contains("1 error(s)");
        assertThat(runFolders(dir.resolve("out/FY2022"))).hasSize(1);
    }

    @Test
    void shouldExitTwoWithTheFileNamedWhenAFileIsUnusable(CapturedOutput output) throws Exception {
        Path input = copyOfBundledInput();
        Files.write(input.resolve("goals.csv"), new byte[] { 'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0x80, '\n' });

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(output).contains("FAILED").contains("goals.csv").contains("neither UTF-8 nor Shift_JIS");
        assertThat(output).doesNotContain("at org.springframework");
    }

    /** The run folders of a year folder, without {@code latest}. */
    static List<Path> runFolders(Path yearDir) throws Exception {
        try (Stream<Path> entries = Files.list(yearDir)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

    private Path copyOfBundledInput() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        try (Stream<Path> files = Files.list(Path.of("input"))) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        return input;
    }

    private int run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--plan-review.command.enabled=true",
                "--plan-review.data-dir=" + dir.resolve("data"),
                "--spring.datasource.url=jdbc:hsqldb:file:" + dir.resolve("data/db/plan-review") + ";hsqldb.tx=mvcc;shutdown=true"))
            .toArray(String[]::new);
        return SpringApplication.exit(SpringApplication.run(PlanReviewApplication.class, all));
    }

}
